package io.tenantry.contracts.subscription;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * To the subscription: record a change of plan (nothing when it is the plan it has). Answers a {@link PlanChange}.
 * {@code invoiceLocally}: billing runs locally (no Stripe), so the change's proration is invoiced with it.
 */
public record ChangeSubscriptionPlanCommand(
        @TargetAggregateIdentifier String subscriptionId,
        String toPlanId,
        String changedBy,
        String reason,
        Instant changedAt,
        boolean invoiceLocally) {}
