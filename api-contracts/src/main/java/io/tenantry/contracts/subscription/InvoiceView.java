package io.tenantry.contracts.subscription;

import java.time.Instant;

/** One invoice of a tenant, as the read model shows it; amounts in the currency's smallest unit. */
public record InvoiceView(
        String invoiceId,
        String tenantId,
        String number,
        long amountDue,
        long amountPaid,
        String currency,
        Instant periodStart,
        Instant periodEnd,
        InvoiceStatus status,
        String hostedInvoiceUrl,
        boolean paymentFailed,
        Instant createdAt,
        Instant updatedAt) {}
