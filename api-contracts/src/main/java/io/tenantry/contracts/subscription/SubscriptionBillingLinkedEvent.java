package io.tenantry.contracts.subscription;

import org.axonframework.serialization.Revision;

/** The biller caught up with a plan change: the subscription's Stripe objects (or none) are now these. */
@Revision("1")
public record SubscriptionBillingLinkedEvent(String subscriptionId, String tenantId, BillingLink billing) {}
