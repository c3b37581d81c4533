package io.tenantry.command.subscription;

import io.tenantry.contracts.subscription.InvoiceData;
import io.tenantry.contracts.subscription.SubscriptionStatus;

/** What a verified Stripe webhook event says, in Tenantry's terms. */
public sealed interface StripeNotice {

    /** Stripe's event id: the same event delivered twice is applied once. */
    String eventId();

    /** Stripe's event type, such as {@code invoice.paid}. */
    String type();

    /** {@code customer.subscription.updated} or {@code .deleted}: a Stripe subscription's status now. */
    record SubscriptionNotice(
            String eventId, String type, String customerId, String stripeSubscriptionId, SubscriptionStatus status)
            implements StripeNotice {}

    /** {@code invoice.created}, {@code .paid}, {@code .payment_failed} or {@code .voided}: an invoice as it is now. */
    record InvoiceNotice(String eventId, String type, String customerId, InvoiceData invoice) implements StripeNotice {}

    /** Any other event type: acknowledged, not applied. */
    record OtherNotice(String eventId, String type) implements StripeNotice {}
}
