package io.tenantry.contracts.subscription;

import org.axonframework.serialization.Revision;

/**
 * Stripe said the subscription's status is another than Tenantry had: {@code source} is {@code reconcile} (asked for)
 * or {@code webhook} (told, with the Stripe event's id).
 */
@Revision("1")
public record SubscriptionStatusReconciledEvent(
        String subscriptionId,
        String tenantId,
        SubscriptionStatus fromStatus,
        SubscriptionStatus toStatus,
        String source,
        String stripeEventId) {}
