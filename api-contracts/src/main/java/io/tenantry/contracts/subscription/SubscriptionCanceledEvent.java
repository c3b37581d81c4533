package io.tenantry.contracts.subscription;

import org.axonframework.serialization.Revision;

/** The subscription ended (its tenant was deleted, or Stripe canceled it). */
@Revision("1")
public record SubscriptionCanceledEvent(String subscriptionId, String tenantId, String reason) {}
