package io.tenantry.contracts.subscription;

import java.time.Instant;

/** A tenant's subscription as the read model shows it. */
public record SubscriptionView(
        String tenantId,
        String subscriptionId,
        String planId,
        SubscriptionStatus status,
        BillingMode billingMode,
        String stripeCustomerId,
        String stripeSubscriptionId,
        Instant currentPeriodEnd,
        Instant startedAt,
        Instant canceledAt,
        Instant updatedAt) {
}
