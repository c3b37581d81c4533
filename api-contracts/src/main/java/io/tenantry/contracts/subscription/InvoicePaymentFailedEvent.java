package io.tenantry.contracts.subscription;

import org.axonframework.serialization.Revision;

/** Stripe tried to collect an invoice and failed; the invoice stays OPEN. */
@Revision("1")
public record InvoicePaymentFailedEvent(
        String subscriptionId, String tenantId, String invoiceId, String stripeEventId) {}
