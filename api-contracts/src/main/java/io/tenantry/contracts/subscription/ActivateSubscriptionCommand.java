package io.tenantry.contracts.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The tenant's resources are provisioned: its subscription is in service. Repeating it changes nothing. */
public record ActivateSubscriptionCommand(
        @TargetAggregateIdentifier String subscriptionId) {}
