package io.tenantry.contracts.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * To the subscription: Stripe says the Stripe subscription {@code stripeSubscriptionId} has {@code status}. Only the
 * subscription's current Stripe subscription counts, and only a different status makes an event. Answers a
 * {@link StatusChange}, or {@code null} when nothing changed.
 */
public record ReconcileSubscriptionStatusCommand(
        @TargetAggregateIdentifier String subscriptionId,
        String stripeSubscriptionId,
        SubscriptionStatus status,
        String source,
        String stripeEventId) {}
