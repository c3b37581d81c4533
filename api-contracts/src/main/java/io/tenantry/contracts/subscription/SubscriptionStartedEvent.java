package io.tenantry.contracts.subscription;

import org.axonframework.serialization.Revision;

/** A tenant's subscription started (or started again, after its tenant was restored) on a plan. */
@Revision("1")
public record SubscriptionStartedEvent(String subscriptionId, String tenantId, String planId, BillingLink billing) {}
