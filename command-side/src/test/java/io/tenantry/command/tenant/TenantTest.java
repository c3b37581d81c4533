package io.tenantry.command.tenant;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.tenant.CreateTenantCommand;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import io.tenantry.contracts.tenant.TenantTier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantTest {

    private FixtureConfiguration<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tenant.class);
    }

    @Test
    void createsATenant() {
        fixture.givenNoPriorActivity()
               .when(new CreateTenantCommand("t-1", "Acme Corp", "acme", TenantTier.POOLED))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new TenantCreatedEvent("t-1", "Acme Corp", "acme", TenantTier.POOLED));
    }

    @Test
    void refusesAnInvalidSlug() {
        fixture.givenNoPriorActivity()
               .when(new CreateTenantCommand("t-1", "Acme Corp", "Acme_Corp", TenantTier.POOLED))
               .expectNoEvents()
               .expectException(DomainRefusal.class)
               .expectExceptionMessage(org.hamcrest.Matchers.containsString("slug"));
    }

    @Test
    void refusesABlankName() {
        fixture.givenNoPriorActivity()
               .when(new CreateTenantCommand("t-1", "  ", "acme", TenantTier.SILOED))
               .expectNoEvents()
               .expectException(DomainRefusal.class)
               .expectExceptionMessage(org.hamcrest.Matchers.containsString("name"));
    }

    @Test
    void refusesAMissingTier() {
        fixture.givenNoPriorActivity()
               .when(new CreateTenantCommand("t-1", "Acme Corp", "acme", null))
               .expectNoEvents()
               .expectException(DomainRefusal.class)
               .expectExceptionMessage(org.hamcrest.Matchers.containsString("tier"));
    }
}
