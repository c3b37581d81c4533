package io.tenantry.command.tenant;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.tenant.CreateTenantCommand;
import io.tenantry.contracts.tenant.TenantContact;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import io.tenantry.contracts.tenant.TenantTier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.containsString;

class TenantTest {

    private static final TenantContact JANE = new TenantContact("Jane Doe", "jane@acme.example", "+31 20 123", true);
    private static final TenantContact JOHN = new TenantContact("John Roe", "john@acme.example", null, false);

    private FixtureConfiguration<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tenant.class);
    }

    @Test
    void createsATenant() {
        fixture.givenNoPriorActivity()
               .when(new CreateTenantCommand("t-1", "Acme Corp", "acme", TenantTier.POOLED, List.of()))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new TenantCreatedEvent("t-1", "Acme Corp", "acme", TenantTier.POOLED, List.of()));
    }

    @Test
    void createsATenantWithItsContacts() {
        fixture.givenNoPriorActivity()
               .when(new CreateTenantCommand("t-1", "Acme Corp", "acme", TenantTier.SILOED, List.of(JANE, JOHN)))
               .expectEvents(new TenantCreatedEvent("t-1", "Acme Corp", "acme", TenantTier.SILOED, List.of(JANE, JOHN)));
    }

    @Test
    void refusesAnInvalidSlug() {
        refuses(new CreateTenantCommand("t-1", "Acme Corp", "Acme_Corp", TenantTier.POOLED, List.of()), "slug");
    }

    @Test
    void refusesABlankName() {
        refuses(new CreateTenantCommand("t-1", "  ", "acme", TenantTier.SILOED, List.of()), "name");
    }

    @Test
    void refusesAMissingTier() {
        refuses(new CreateTenantCommand("t-1", "Acme Corp", "acme", null, List.of()), "tier");
    }

    @Test
    void refusesAContactWithoutAValidEmail() {
        refuses(new CreateTenantCommand("t-1", "Acme", "acme", TenantTier.POOLED,
                List.of(new TenantContact("Jane", "not-an-address", null, false))), "e-mail");
    }

    @Test
    void refusesAContactWithoutAName() {
        refuses(new CreateTenantCommand("t-1", "Acme", "acme", TenantTier.POOLED,
                List.of(new TenantContact(" ", "jane@acme.example", null, false))), "name");
    }

    @Test
    void refusesTwoContactsWithOneAddress() {
        refuses(new CreateTenantCommand("t-1", "Acme", "acme", TenantTier.POOLED,
                List.of(JANE, new TenantContact("Jane Again", "JANE@acme.example ", null, false))), "same e-mail");
    }

    @Test
    void refusesTwoPrimaryContacts() {
        refuses(new CreateTenantCommand("t-1", "Acme", "acme", TenantTier.POOLED,
                List.of(JANE, new TenantContact("John", "john@acme.example", null, true))), "primary");
    }

    @Test
    void refusesTooManyContacts() {
        List<TenantContact> many = new java.util.ArrayList<>();
        for (int i = 0; i <= TenantContacts.MAXIMUM; i++) {
            many.add(new TenantContact("Person " + i, "p" + i + "@acme.example", null, false));
        }
        refuses(new CreateTenantCommand("t-1", "Acme", "acme", TenantTier.POOLED, many), "at most");
    }

    private void refuses(CreateTenantCommand command, String messagePart) {
        fixture.givenNoPriorActivity()
               .when(command)
               .expectNoEvents()
               .expectException(DomainRefusal.class)
               .expectExceptionMessage(containsString(messagePart));
    }
}
