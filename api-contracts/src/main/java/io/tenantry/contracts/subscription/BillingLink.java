package io.tenantry.contracts.subscription;

import java.time.Instant;

/**
 * How a subscription is tied to its biller: in {@link BillingMode#STRIPE} the Stripe customer, subscription and
 * subscription item (whose price is the plan's), with Stripe's status and current period end; in
 * {@link BillingMode#LOCAL} none of those, and the status is Tenantry's own.
 */
public record BillingLink(
        BillingMode mode,
        String customerId,
        String subscriptionId,
        String itemId,
        String priceId,
        SubscriptionStatus status,
        Instant currentPeriodEnd) {

    /** Billed nowhere; {@code customerId} is kept when there is one, for a later paid plan. */
    public static BillingLink local(String customerId) {
        return new BillingLink(BillingMode.LOCAL, customerId, null, null, null, SubscriptionStatus.ACTIVE, null);
    }

    public boolean hasStripeSubscription() {
        return mode == BillingMode.STRIPE && subscriptionId != null;
    }
}
