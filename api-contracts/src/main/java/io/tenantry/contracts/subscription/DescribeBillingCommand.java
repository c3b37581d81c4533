package io.tenantry.contracts.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * To the subscription: where its billing stands, as a {@link BillingPosition}, for a plan-change preview. Changes
 * nothing; refused for an ended subscription.
 */
public record DescribeBillingCommand(
        @TargetAggregateIdentifier String subscriptionId) {}
