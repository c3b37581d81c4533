package io.tenantry.contracts.subscription;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** To the subscription: record a change of plan (nothing when it is the plan it has). Answers a {@link PlanChange}. */
public record ChangeSubscriptionPlanCommand(
        @TargetAggregateIdentifier String subscriptionId,
        String toPlanId,
        String changedBy,
        String reason,
        Instant changedAt) {}
