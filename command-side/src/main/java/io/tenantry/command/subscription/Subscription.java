package io.tenantry.command.subscription;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.MetaDataKeys;
import io.tenantry.contracts.plan.PlanCatalogue;
import io.tenantry.contracts.subscription.ActivateSubscriptionCommand;
import io.tenantry.contracts.subscription.BillingLink;
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
import io.tenantry.contracts.subscription.SubscriptionActivatedEvent;
import io.tenantry.contracts.subscription.SubscriptionBillingLinkedEvent;
import io.tenantry.contracts.subscription.SubscriptionCanceledEvent;
import io.tenantry.contracts.subscription.SubscriptionStartedEvent;
import io.tenantry.contracts.subscription.SubscriptionStatus;
import io.tenantry.contracts.subscription.SubscriptionStatusReconciledEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A tenant's subscription: its plan (every change an event with actor, time, reason and request: the plan-change
 * history), its status (Stripe's, for paid plans; Stripe is the source of truth), its link to Stripe, and its
 * invoices. One per tenant (its id follows from the tenant's). When billing runs locally, each plan change is invoiced
 * with it, by {@link Proration}'s rules, over periods anchored at the subscription's start (its start event's time).
 * Snapshotted: a tenant with many plan changes still loads fast. It holds no personal data, so snapshots need no
 * protection. Revision 1 knows when it started: a snapshot of an older revision is passed over and the subscription
 * is loaded from its events.
 */
@Aggregate(snapshotTriggerDefinition = "subscriptionSnapshotTrigger", cache = "subscriptionCache")
@Revision("1")
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class Subscription {

    @AggregateIdentifier
    private String subscriptionId;

    private String tenantId;
    private String planId;
    private SubscriptionStatus status;
    private BillingLink billing;
    private boolean canceled;
    private boolean activated;
    private Instant lastChangedAt;
    private Instant startedAt;
    private final Map<String, InvoiceStatus> invoices = new HashMap<>();

    protected Subscription() {
        // for Axon (and snapshots)
    }

    /** Starts it, or starts it again once canceled (its tenant was restored); a running one is left as it is. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(StartSubscriptionCommand command) {
        if (subscriptionId != null && !canceled) {
            return;
        }
        if (command.tenantId() == null || command.planId() == null || command.billing() == null) {
            throw DomainRefusal.invalid(
                    "invalid_subscription", "A subscription starts for a tenant, on a plan, billed somewhere.");
        }
        apply(new SubscriptionStartedEvent(
                command.subscriptionId(), command.tenantId(), command.planId(), command.billing()));
    }

    /**
     * Records a plan change; when billing runs locally, with its invoice ({@code local_<tenant id>_<epoch ms of the
     * change>}, PAID: nothing is collected locally) unless it costs nothing either way.
     */
    @CommandHandler
    public PlanChange handle(
            ChangeSubscriptionPlanCommand command,
            @MetaDataValue(value = MetaDataKeys.CORRELATION_ID, required = false) String correlationId,
            PlanCatalogue plans) {
        if (canceled) {
            throw DomainRefusal.conflict("subscription_canceled", "This subscription ended; its tenant is deleted.");
        }
        if (planId.equals(command.toPlanId())) {
            return new PlanChange(
                    tenantId, planId, planId, false, command.changedBy(), command.changedAt(), command.reason());
        }
        String from = planId;
        // the history is ordered in time as in the stream: a change never takes effect before the one it follows
        Instant changedAt = lastChangedAt != null && !command.changedAt().isAfter(lastChangedAt)
                ? lastChangedAt.plusMillis(1)
                : command.changedAt();
        InvoiceData invoice =
                command.invoiceLocally() ? localInvoice(plans, from, command.toPlanId(), changedAt) : null;
        apply(new PlanChangedEvent(
                subscriptionId,
                tenantId,
                from,
                command.toPlanId(),
                command.changedBy(),
                changedAt,
                command.reason(),
                correlationId));
        if (invoice != null) {
            apply(new InvoiceRecordedEvent(subscriptionId, tenantId, invoice));
        }
        return new PlanChange(
                tenantId, from, command.toPlanId(), true, command.changedBy(), changedAt, command.reason());
    }

    /** Its plan, billing, start and the time its plan took effect, for a preview; an ended one is refused. */
    @CommandHandler
    public BillingPosition handle(DescribeBillingCommand command) {
        if (canceled) {
            throw DomainRefusal.conflict("subscription_canceled", "This subscription ended; its tenant is deleted.");
        }
        Instant planSince = lastChangedAt != null && lastChangedAt.isAfter(startedAt) ? lastChangedAt : startedAt;
        return new BillingPosition(tenantId, planId, billing, startedAt, planSince);
    }

    /** The invoice of a locally billed change, or null when it costs nothing either way (free to free, say). */
    private InvoiceData localInvoice(PlanCatalogue plans, String from, String to, Instant changedAt) {
        // a change asked for just before the subscription started is priced from its start
        Proration.Quote quote = Proration.quote(
                startedAt,
                plans.planOrDefault(from),
                plans.planOrDefault(to),
                changedAt.isBefore(startedAt) ? startedAt : changedAt);
        if (quote.credit() == 0 && quote.charge() == 0) {
            return null;
        }
        return new InvoiceData(
                "local_" + tenantId + "_" + changedAt.toEpochMilli(),
                null,
                quote.dueNow(),
                quote.dueNow(),
                quote.currency().toLowerCase(Locale.ROOT),
                quote.period().start(),
                quote.period().end(),
                InvoiceStatus.PAID,
                null);
    }

    /** In service once its tenant is provisioned; a canceled one stays canceled, an active one stays as it is. */
    @CommandHandler
    public void handle(ActivateSubscriptionCommand command) {
        if (!activated && !canceled) {
            apply(new SubscriptionActivatedEvent(subscriptionId, tenantId));
        }
    }

    @CommandHandler
    public void handle(LinkBillingCommand command) {
        if (!Objects.equals(billing, command.billing())) {
            apply(new SubscriptionBillingLinkedEvent(subscriptionId, tenantId, command.billing()));
        }
    }

    /** Takes Stripe's word for the status of its current Stripe subscription; says what changed, or {@code null}. */
    @CommandHandler
    public StatusChange handle(ReconcileSubscriptionStatusCommand command) {
        if (billing == null
                || !billing.hasStripeSubscription()
                || !billing.subscriptionId().equals(command.stripeSubscriptionId())
                || command.status() == null
                || command.status() == status) {
            return null;
        }
        SubscriptionStatus from = status;
        apply(new SubscriptionStatusReconciledEvent(
                subscriptionId, tenantId, from, command.status(), command.source(), command.stripeEventId()));
        return new StatusChange(from, command.status());
    }

    @CommandHandler
    public void handle(CancelSubscriptionCommand command) {
        if (!canceled) {
            apply(new SubscriptionCanceledEvent(subscriptionId, tenantId, command.reason()));
        }
    }

    /** Records an invoice, or its new status; a final status is never undone by a late, older notice. */
    @CommandHandler
    public void handle(RecordInvoiceCommand command) {
        InvoiceData invoice = command.invoice();
        InvoiceStatus known = invoices.get(invoice.invoiceId());
        if (known == null) {
            apply(new InvoiceRecordedEvent(subscriptionId, tenantId, invoice));
        } else if (known != invoice.status() && !known.isFinal()) {
            apply(new InvoiceStatusChangedEvent(
                    subscriptionId, tenantId, invoice.invoiceId(), known, invoice.status(), invoice.amountPaid()));
        }
        if ("invoice.payment_failed".equals(command.stripeEventType())) {
            apply(new InvoicePaymentFailedEvent(
                    subscriptionId, tenantId, invoice.invoiceId(), command.stripeEventId()));
        }
    }

    @EventSourcingHandler
    void on(SubscriptionStartedEvent event, @Timestamp Instant at) {
        subscriptionId = event.subscriptionId();
        startedAt = at;
        tenantId = event.tenantId();
        planId = event.planId();
        billing = event.billing();
        status = event.billing().status();
        canceled = false;
        activated = false;
    }

    @EventSourcingHandler
    void on(SubscriptionActivatedEvent event) {
        activated = true;
    }

    @EventSourcingHandler
    void on(PlanChangedEvent event) {
        planId = event.toPlanId();
        lastChangedAt = event.changedAt();
    }

    @EventSourcingHandler
    void on(SubscriptionBillingLinkedEvent event) {
        billing = event.billing();
        status = event.billing().status();
    }

    @EventSourcingHandler
    void on(SubscriptionStatusReconciledEvent event) {
        status = event.toStatus();
    }

    @EventSourcingHandler
    void on(SubscriptionCanceledEvent event) {
        canceled = true;
        status = SubscriptionStatus.CANCELED;
    }

    @EventSourcingHandler
    void on(InvoiceRecordedEvent event) {
        invoices.put(event.invoice().invoiceId(), event.invoice().status());
    }

    @EventSourcingHandler
    void on(InvoiceStatusChangedEvent event) {
        invoices.put(event.invoiceId(), event.toStatus());
    }
}
