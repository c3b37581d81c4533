package io.tenantry.projections.subscription;

import io.tenantry.contracts.subscription.InvoicePaymentFailedEvent;
import io.tenantry.contracts.subscription.InvoiceRecordedEvent;
import io.tenantry.contracts.subscription.InvoiceStatusChangedEvent;
import io.tenantry.contracts.subscription.PlanChangedEvent;
import io.tenantry.contracts.subscription.SubscriptionActivatedEvent;
import io.tenantry.contracts.subscription.SubscriptionBillingLinkedEvent;
import io.tenantry.contracts.subscription.SubscriptionCanceledEvent;
import io.tenantry.contracts.subscription.SubscriptionStartedEvent;
import io.tenantry.contracts.subscription.SubscriptionStatus;
import io.tenantry.contracts.subscription.SubscriptionStatusReconciledEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Builds {@link SubscriptionDirectory} from the Subscription aggregate's events ({@value #PROCESSING_GROUP}). */
@Component
@ProcessingGroup(SubscriptionProjection.PROCESSING_GROUP)
class SubscriptionProjection {

    static final String PROCESSING_GROUP = "subscription-directory";

    private final SubscriptionDirectory directory;

    SubscriptionProjection(SubscriptionDirectory directory) {
        this.directory = directory;
    }

    @EventHandler
    void on(SubscriptionStartedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.started(event.tenantId(), event.subscriptionId(), event.planId(), event.billing(), at, version);
    }

    @EventHandler
    void on(SubscriptionActivatedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.activated(event.tenantId(), at, version);
    }

    @EventHandler
    void on(PlanChangedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.planChanged(event.tenantId(), event.toPlanId(), at, version);
    }

    @EventHandler
    void on(SubscriptionBillingLinkedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.linked(event.tenantId(), event.billing(), at, version);
    }

    @EventHandler
    void on(SubscriptionStatusReconciledEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.status(event.tenantId(), event.toStatus(), null, at, version);
    }

    @EventHandler
    void on(SubscriptionCanceledEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.status(event.tenantId(), SubscriptionStatus.CANCELED, at, at, version);
    }

    @EventHandler
    void on(InvoiceRecordedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.invoiceRecorded(event.tenantId(), event.invoice(), at, version);
        directory.touch(event.tenantId(), version);
    }

    @EventHandler
    void on(InvoiceStatusChangedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.invoiceStatus(event.invoiceId(), event.toStatus(), event.amountPaid(), at, version);
        directory.touch(event.tenantId(), version);
    }

    @EventHandler
    void on(InvoicePaymentFailedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.invoicePaymentFailed(event.invoiceId(), at, version);
        directory.touch(event.tenantId(), version);
    }

    @ResetHandler
    void reset() {
        directory.deleteAll();
    }
}
