package io.tenantry.contracts.subscription;

/** A subscription's status went from one to another. */
public record StatusChange(SubscriptionStatus from, SubscriptionStatus to) {}
