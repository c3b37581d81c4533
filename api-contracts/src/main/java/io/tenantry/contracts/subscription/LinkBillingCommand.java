package io.tenantry.contracts.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** To the subscription: after a plan change reached the biller, its Stripe objects are these (nothing if unchanged). */
public record LinkBillingCommand(@TargetAggregateIdentifier String subscriptionId, BillingLink billing) {}
