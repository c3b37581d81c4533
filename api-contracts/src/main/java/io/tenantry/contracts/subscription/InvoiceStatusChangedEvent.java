package io.tenantry.contracts.subscription;

import org.axonframework.serialization.Revision;

/** An invoice was paid, voided or marked uncollectible. */
@Revision("1")
public record InvoiceStatusChangedEvent(
        String subscriptionId,
        String tenantId,
        String invoiceId,
        InvoiceStatus fromStatus,
        InvoiceStatus toStatus,
        long amountPaid) {}
