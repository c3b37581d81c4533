package io.tenantry.contracts.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start a tenant's subscription on a plan, billed as {@code billing} says; nothing happens if it already runs. */
public record StartSubscriptionCommand(
        @TargetAggregateIdentifier String subscriptionId, String tenantId, String planId, BillingLink billing) {}
