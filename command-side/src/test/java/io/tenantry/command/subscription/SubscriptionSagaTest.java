package io.tenantry.command.subscription;

import io.tenantry.command.AutowiredResources;
import io.tenantry.contracts.plan.Plan;
import io.tenantry.contracts.plan.PlanCatalogue;
import io.tenantry.contracts.subscription.BillingLink;
import io.tenantry.contracts.subscription.CancelSubscriptionCommand;
import io.tenantry.contracts.subscription.PlanChangedEvent;
import io.tenantry.contracts.subscription.StartSubscriptionCommand;
import io.tenantry.contracts.subscription.SubscriptionIds;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import io.tenantry.contracts.tenant.TenantDeletedEvent;
import io.tenantry.contracts.tenant.TenantRestoredEvent;
import io.tenantry.contracts.tenant.TenantStatus;
import io.tenantry.contracts.tenant.TenantTier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The subscription's life follows its tenant's: started on its plan, canceled on deletion, started on restore. */
class SubscriptionSagaTest {

    private static final String TENANT = "t-1";
    private static final PlanCatalogue PLANS = new PlanCatalogue(
            List.of(
                    new Plan("free", "Free", BigDecimal.ZERO, "USD", "month", 5, 2, null),
                    new Plan("team", "Team", new BigDecimal("49.00"), "USD", "month", 25, 10, "price_team")),
            "free");

    private SagaTestFixture<SubscriptionSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(SubscriptionSaga.class);
        CommandGateway commands = fixture.registerCommandGateway(CommandGateway.class);
        fixture.registerResourceInjector(new AutowiredResources(commands, new LocalBillingGateway(), PLANS));
    }

    private static TenantCreatedEvent created(String planId) {
        return new TenantCreatedEvent(
                TENANT, "Acme", "acme", TenantTier.POOLED, List.of(), null, null, Map.of(), null, planId);
    }

    @Test
    void startsTheSubscriptionOnThePlanTheTenantWasCreatedOn() {
        fixture.givenNoPriorActivity()
                .whenAggregate(TENANT)
                .publishes(created("team"))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new StartSubscriptionCommand(
                        SubscriptionIds.of(TENANT), TENANT, "team", BillingLink.local(null)));
    }

    @Test
    void startsOnTheDefaultPlanWhenTheTenantNamedNone() {
        fixture.givenNoPriorActivity()
                .whenAggregate(TENANT)
                .publishes(created(null))
                .expectDispatchedCommands(new StartSubscriptionCommand(
                        SubscriptionIds.of(TENANT), TENANT, "free", BillingLink.local(null)));
    }

    @Test
    void cancelsTheSubscriptionWhenTheTenantIsDeleted() {
        fixture.givenAggregate(TENANT)
                .published(created("team"))
                .whenAggregate(TENANT)
                .publishes(new TenantDeletedEvent(TENANT))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new CancelSubscriptionCommand(SubscriptionIds.of(TENANT), "tenant deleted"));
    }

    @Test
    void startsItAgainOnTheLastPlanWhenTheTenantIsRestored() {
        fixture.givenAggregate(TENANT)
                .published(created("free"), new TenantDeletedEvent(TENANT))
                .andThenAggregate(SubscriptionIds.of(TENANT))
                .published(new PlanChangedEvent(
                        SubscriptionIds.of(TENANT),
                        TENANT,
                        "free",
                        "team",
                        "alice",
                        Instant.parse("2026-11-23T10:00:00Z"),
                        null,
                        "r-1"))
                .whenAggregate(TENANT)
                .publishes(new TenantRestoredEvent(TENANT, "acme", TenantStatus.ACTIVE))
                .expectDispatchedCommands(new StartSubscriptionCommand(
                        SubscriptionIds.of(TENANT), TENANT, "team", BillingLink.local(null)));
    }

    @Test
    void leavesLocalBillingAsItIsOnAPlanChange() {
        fixture.givenAggregate(TENANT)
                .published(created("free"))
                .whenAggregate(SubscriptionIds.of(TENANT))
                .publishes(new PlanChangedEvent(
                        SubscriptionIds.of(TENANT),
                        TENANT,
                        "free",
                        "team",
                        "alice",
                        Instant.parse("2026-11-23T10:00:00Z"),
                        null,
                        "r-1"))
                .expectNoDispatchedCommands();
    }
}
