package io.tenantry.command.subscription;

import static io.tenantry.command.Refusals.refusal;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.MetaDataKeys;
import io.tenantry.contracts.plan.Plan;
import io.tenantry.contracts.plan.PlanCatalogue;
import io.tenantry.contracts.subscription.BillingLink;
import io.tenantry.contracts.subscription.BillingMode;
import io.tenantry.contracts.subscription.BillingPosition;
import io.tenantry.contracts.subscription.CancelSubscriptionCommand;
import io.tenantry.contracts.subscription.ChangeSubscriptionPlanCommand;
import io.tenantry.contracts.subscription.DescribeBillingCommand;
import io.tenantry.contracts.subscription.InvoiceData;
import io.tenantry.contracts.subscription.InvoicePaymentFailedEvent;
import io.tenantry.contracts.subscription.InvoiceRecordedEvent;
import io.tenantry.contracts.subscription.InvoiceStatus;
import io.tenantry.contracts.subscription.InvoiceStatusChangedEvent;
import io.tenantry.contracts.subscription.LinkBillingCommand;
import io.tenantry.contracts.subscription.PlanChange;
import io.tenantry.contracts.subscription.PlanChangedEvent;
import io.tenantry.contracts.subscription.ReconcileSubscriptionStatusCommand;
import io.tenantry.contracts.subscription.RecordInvoiceCommand;
import io.tenantry.contracts.subscription.StartSubscriptionCommand;
import io.tenantry.contracts.subscription.StatusChange;
import io.tenantry.contracts.subscription.SubscriptionBillingLinkedEvent;
import io.tenantry.contracts.subscription.SubscriptionCanceledEvent;
import io.tenantry.contracts.subscription.SubscriptionStartedEvent;
import io.tenantry.contracts.subscription.SubscriptionStatus;
import io.tenantry.contracts.subscription.SubscriptionStatusReconciledEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every path of a subscription: start (again), plan changes, Stripe links and statuses, cancellation, invoices. */
class SubscriptionTest {

    private static final String ID = "subscription-t-1";
    private static final String TENANT = "t-1";
    private static final BillingLink STRIPE = new BillingLink(
            BillingMode.STRIPE,
            "cus_1",
            "sub_1",
            "si_1",
            "price_team",
            SubscriptionStatus.ACTIVE,
            Instant.parse("2026-12-23T00:00:00Z"));
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    /** The subscriptions of the local-billing tests start here: periods run from the 1st of each month. */
    private static final Instant STARTED = Instant.parse("2026-11-01T00:00:00Z");

    private static final PlanCatalogue PLANS = new PlanCatalogue(
            List.of(
                    new Plan("free", "Free", BigDecimal.ZERO, "USD", "month", 5, 2, null),
                    new Plan("lite", "Lite", BigDecimal.ZERO, "USD", "month", 10, 2, null),
                    new Plan("team", "Team", new BigDecimal("49.00"), "USD", "month", 25, 10, "price_team"),
                    new Plan("euro", "Euro", new BigDecimal("39.00"), "EUR", "month", 25, 10, null)),
            "free");

    private AggregateTestFixture<Subscription> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Subscription.class);
        fixture.registerInjectableResource(PLANS);
    }

    private static ChangeSubscriptionPlanCommand change(String toPlanId, String reason, Instant at) {
        return new ChangeSubscriptionPlanCommand(ID, toPlanId, "alice", reason, at, false);
    }

    private static ChangeSubscriptionPlanCommand changeBilledLocally(String toPlanId, Instant at) {
        return new ChangeSubscriptionPlanCommand(ID, toPlanId, "alice", null, at, true);
    }

    private static SubscriptionStartedEvent started(String planId, BillingLink billing) {
        return new SubscriptionStartedEvent(ID, TENANT, planId, billing);
    }

    @Test
    void startsOnceAndAgainAfterItWasCanceled() {
        fixture.givenNoPriorActivity()
                .when(new StartSubscriptionCommand(ID, TENANT, "free", BillingLink.local(null)))
                .expectEvents(started("free", BillingLink.local(null)));
        fixture.given(started("free", BillingLink.local(null)))
                .when(new StartSubscriptionCommand(ID, TENANT, "team", STRIPE))
                .expectNoEvents();
        fixture.given(started("team", STRIPE), new SubscriptionCanceledEvent(ID, TENANT, "tenant deleted"))
                .when(new StartSubscriptionCommand(ID, TENANT, "team", STRIPE))
                .expectEvents(started("team", STRIPE));
    }

    @Test
    void recordsAPlanChangeWithItsActorTimeReasonAndRequest() {
        fixture.given(started("free", BillingLink.local(null)))
                .when(change("team", "growing", AT), Map.of(MetaDataKeys.CORRELATION_ID, "req-1"))
                .expectEvents(new PlanChangedEvent(ID, TENANT, "free", "team", "alice", AT, "growing", "req-1"))
                .expectResultMessagePayload(new PlanChange(TENANT, "free", "team", true, "alice", AT, "growing"));
    }

    @Test
    void neverLetsAChangeTakeEffectBeforeTheOneItFollows() {
        fixture.given(
                        started("free", BillingLink.local(null)),
                        new PlanChangedEvent(ID, TENANT, "free", "team", "bob", AT, null, "r-1"))
                .when(change("free", null, AT.minusSeconds(5)))
                .expectEvents(new PlanChangedEvent(ID, TENANT, "team", "free", "alice", AT.plusMillis(1), null, null));
    }

    @Test
    void changesNothingForTheCurrentPlanAndRefusesAnEndedSubscription() {
        fixture.given(started("team", STRIPE), new PlanChangedEvent(ID, TENANT, "team", "free", "bob", AT, null, "r"))
                .when(change("free", null, AT))
                .expectNoEvents()
                .expectResultMessagePayload(new PlanChange(TENANT, "free", "free", false, "alice", AT, null));
        fixture.given(
                        started("free", BillingLink.local(null)),
                        new SubscriptionCanceledEvent(ID, TENANT, "tenant deleted"))
                .when(change("team", null, AT))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.CONFLICT, "subscription_canceled"));
    }

    @Test
    void invoicesAChangeWithItWhenBillingRunsLocally() {
        // November has 30 days; on the 23rd at 10:00, 7 days 14 hours are left: 4900 x 655,200 / 2,592,000
        InvoiceData invoice = new InvoiceData(
                "local_" + TENANT + "_" + AT.toEpochMilli(),
                null,
                1239,
                1239,
                "usd",
                STARTED,
                Instant.parse("2026-12-01T00:00:00Z"),
                InvoiceStatus.PAID,
                null);
        fixture.givenCurrentTime(STARTED)
                .andGiven(started("free", BillingLink.local(null)))
                .when(changeBilledLocally("team", AT))
                .expectEvents(
                        new PlanChangedEvent(ID, TENANT, "free", "team", "alice", AT, null, null),
                        new InvoiceRecordedEvent(ID, TENANT, invoice));
    }

    @Test
    void recordsNoInvoiceForAChangeThatCostsNothingNorWhenStripeBills() {
        fixture.givenCurrentTime(STARTED)
                .andGiven(started("free", BillingLink.local(null)))
                .when(changeBilledLocally("lite", AT))
                .expectEvents(new PlanChangedEvent(ID, TENANT, "free", "lite", "alice", AT, null, null));
        fixture.givenCurrentTime(STARTED)
                .andGiven(started("free", BillingLink.local(null)))
                .when(change("team", null, AT))
                .expectEvents(new PlanChangedEvent(ID, TENANT, "free", "team", "alice", AT, null, null));
    }

    @Test
    void refusesALocallyBilledChangeBetweenCurrencies() {
        fixture.givenCurrentTime(STARTED)
                .andGiven(started("team", BillingLink.local(null)))
                .when(changeBilledLocally("euro", AT))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.CONFLICT, "currency_mismatch"));
    }

    @Test
    void describesItsBillingFromItsStartAndLastChange() {
        fixture.givenCurrentTime(STARTED)
                .andGiven(started("free", BillingLink.local(null)))
                .when(new DescribeBillingCommand(ID))
                .expectNoEvents()
                .expectResultMessagePayload(
                        new BillingPosition(TENANT, "free", BillingLink.local(null), STARTED, STARTED));
        fixture.givenCurrentTime(STARTED)
                .andGiven(
                        started("free", BillingLink.local(null)),
                        new PlanChangedEvent(ID, TENANT, "free", "team", "bob", AT, null, "r-1"))
                .when(new DescribeBillingCommand(ID))
                .expectResultMessagePayload(new BillingPosition(TENANT, "team", BillingLink.local(null), STARTED, AT));
        fixture.givenCurrentTime(STARTED)
                .andGiven(
                        started("free", BillingLink.local(null)),
                        new SubscriptionCanceledEvent(ID, TENANT, "tenant deleted"))
                .when(new DescribeBillingCommand(ID))
                .expectException(refusal(DomainRefusal.Kind.CONFLICT, "subscription_canceled"));
    }

    @Test
    void takesStripesStatusOnlyWhenItDiffersAndIsAboutItsCurrentStripeSubscription() {
        fixture.given(started("team", STRIPE))
                .when(new ReconcileSubscriptionStatusCommand(
                        ID, "sub_1", SubscriptionStatus.PAST_DUE, "reconcile", null))
                .expectEvents(new SubscriptionStatusReconciledEvent(
                        ID, TENANT, SubscriptionStatus.ACTIVE, SubscriptionStatus.PAST_DUE, "reconcile", null))
                .expectResultMessagePayload(new StatusChange(SubscriptionStatus.ACTIVE, SubscriptionStatus.PAST_DUE));
        fixture.given(started("team", STRIPE))
                .when(new ReconcileSubscriptionStatusCommand(ID, "sub_1", SubscriptionStatus.ACTIVE, "reconcile", null))
                .expectNoEvents()
                .expectResultMessagePayload(null);
        fixture.given(started("team", STRIPE))
                .when(new ReconcileSubscriptionStatusCommand(
                        ID, "sub_old", SubscriptionStatus.CANCELED, "webhook", "evt_1"))
                .expectNoEvents();
        fixture.given(started("free", BillingLink.local(null)))
                .when(new ReconcileSubscriptionStatusCommand(ID, null, SubscriptionStatus.CANCELED, "webhook", "evt_2"))
                .expectNoEvents();
    }

    @Test
    void linksNewBillingOnlyWhenItChanged() {
        fixture.given(started("free", BillingLink.local(null)))
                .when(new LinkBillingCommand(ID, STRIPE))
                .expectEvents(new SubscriptionBillingLinkedEvent(ID, TENANT, STRIPE));
        fixture.given(started("team", STRIPE))
                .when(new LinkBillingCommand(ID, STRIPE))
                .expectNoEvents();
    }

    @Test
    void cancelsOnce() {
        fixture.given(started("team", STRIPE))
                .when(new CancelSubscriptionCommand(ID, "tenant deleted"))
                .expectEvents(new SubscriptionCanceledEvent(ID, TENANT, "tenant deleted"));
        fixture.given(started("team", STRIPE), new SubscriptionCanceledEvent(ID, TENANT, "tenant deleted"))
                .when(new CancelSubscriptionCommand(ID, "again"))
                .expectNoEvents();
    }

    @Test
    void recordsInvoicesAndTheirStatusesNeverGoingBackFromAFinalOne() {
        InvoiceData open = invoice(InvoiceStatus.OPEN, 0);
        InvoiceData paid = invoice(InvoiceStatus.PAID, 4900);
        fixture.given(started("team", STRIPE))
                .when(new RecordInvoiceCommand(ID, open, "invoice.created", "evt_1"))
                .expectEvents(new InvoiceRecordedEvent(ID, TENANT, open));
        fixture.given(started("team", STRIPE), new InvoiceRecordedEvent(ID, TENANT, open))
                .when(new RecordInvoiceCommand(ID, paid, "invoice.paid", "evt_2"))
                .expectEvents(new InvoiceStatusChangedEvent(
                        ID, TENANT, "in_1", InvoiceStatus.OPEN, InvoiceStatus.PAID, 4900));
        fixture.given(started("team", STRIPE), new InvoiceRecordedEvent(ID, TENANT, paid))
                .when(new RecordInvoiceCommand(ID, open, "invoice.created", "evt_3"))
                .expectNoEvents();
        fixture.given(started("team", STRIPE), new InvoiceRecordedEvent(ID, TENANT, open))
                .when(new RecordInvoiceCommand(ID, open, "invoice.payment_failed", "evt_4"))
                .expectEvents(new InvoicePaymentFailedEvent(ID, TENANT, "in_1", "evt_4"));
        fixture.given(started("team", STRIPE))
                .when(new RecordInvoiceCommand(ID, invoice(InvoiceStatus.VOID, 0), "invoice.voided", "evt_5"))
                .expectEvents(new InvoiceRecordedEvent(ID, TENANT, invoice(InvoiceStatus.VOID, 0)));
    }

    private static InvoiceData invoice(InvoiceStatus status, long paid) {
        return new InvoiceData("in_1", "A-0001", 4900, paid, "usd", AT, AT.plusSeconds(2_592_000), status, null);
    }
}
