package io.tenantry.contracts.subscription;

import org.axonframework.serialization.Revision;

/** Stripe issued an invoice for the subscription (or Tenantry first heard of it). */
@Revision("1")
public record InvoiceRecordedEvent(String subscriptionId, String tenantId, InvoiceData invoice) {}
