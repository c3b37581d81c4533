package io.tenantry.contracts.subscription;

/** Where a subscription is billed: by Stripe, or nowhere (a free plan, or no Stripe API key configured). */
public enum BillingMode {
    STRIPE,
    LOCAL
}
