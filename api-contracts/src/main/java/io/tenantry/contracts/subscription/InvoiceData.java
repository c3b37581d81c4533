package io.tenantry.contracts.subscription;

import java.time.Instant;

/** An invoice as Stripe describes it: amounts in the currency's smallest unit (cents), the period it bills. */
public record InvoiceData(
        String invoiceId,
        String number,
        long amountDue,
        long amountPaid,
        String currency,
        Instant periodStart,
        Instant periodEnd,
        InvoiceStatus status,
        String hostedInvoiceUrl) {}
