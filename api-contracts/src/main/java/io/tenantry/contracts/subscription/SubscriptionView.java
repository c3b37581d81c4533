package io.tenantry.contracts.subscription;

import java.time.Instant;

/**
 * A tenant's subscription as the read model shows it. {@code status} is the biller's (Stripe's, for a paid plan);
 * {@code active} says whether it is in service: only once the tenant is provisioned, never after a failed provisioning.
 */
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
        boolean active,
        Instant activatedAt,
        Instant updatedAt) {}
