package io.tenantry.contracts.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * To the subscription: Stripe told about one of its invoices ({@code stripeEventType} {@code invoice.created},
 * {@code invoice.paid}, {@code invoice.payment_failed} or {@code invoice.voided}). New invoices are recorded, status
 * changes too; a final status never goes back to OPEN (webhooks may arrive out of order).
 */
public record RecordInvoiceCommand(
        @TargetAggregateIdentifier String subscriptionId,
        InvoiceData invoice,
        String stripeEventType,
        String stripeEventId) {}
