package io.tenantry.contracts.subscription;

import java.time.Instant;

/**
 * What moving a tenant to another plan would cost at an instant ({@code at}, whole seconds); nothing is changed.
 * Amounts are long integers in the currency's minor units (cents for USD). {@code credit} (zero or less) is for the
 * unused part of the current plan, {@code charge} for the new plan over the rest of its period. {@code totalDueNow}
 * is what the change is invoiced at once, {@code creditCarried} the credit it leaves for later invoices, and the next
 * invoice is {@code nextInvoiceAmount} at {@code nextInvoiceAt} (null when nothing more is billed). With
 * {@code billingMode} STRIPE the figures are Stripe's own (its prorations wait for the next invoice, so nothing is due
 * now); with LOCAL they follow Tenantry's rules, which invoice the change at once. {@code periodStart} and
 * {@code periodEnd} are the billing period the change falls in (null when nothing is billed).
 */
public record PlanChangePreview(
        String tenantId,
        String fromPlanId,
        String toPlanId,
        BillingMode billingMode,
        Instant at,
        String currency,
        Instant periodStart,
        Instant periodEnd,
        long credit,
        long charge,
        long totalDueNow,
        long creditCarried,
        long nextInvoiceAmount,
        Instant nextInvoiceAt) {}
