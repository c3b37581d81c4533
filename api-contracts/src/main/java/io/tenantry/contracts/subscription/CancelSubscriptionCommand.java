package io.tenantry.contracts.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End the subscription (nothing if it already ended). */
public record CancelSubscriptionCommand(
        @TargetAggregateIdentifier String subscriptionId, String reason) {}
