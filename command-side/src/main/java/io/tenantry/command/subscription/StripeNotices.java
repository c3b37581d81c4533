package io.tenantry.command.subscription;

/** Reads a Stripe webhook delivery: checks its {@code Stripe-Signature}, then says what it is about. */
public interface StripeNotices {

    /**
     * @throws io.tenantry.contracts.DomainRefusal 400 {@code invalid_signature} when the signature does not verify
     * @throws BillingUnavailableException when no webhook secret is configured, so nothing can be verified
     */
    StripeNotice read(String payload, String signatureHeader);
}
