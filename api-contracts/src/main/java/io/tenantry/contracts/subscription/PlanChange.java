package io.tenantry.contracts.subscription;

import java.time.Instant;

/** The answer to a plan change: from which plan to which, and whether anything changed (the same plan: no). */
public record PlanChange(
        String tenantId,
        String fromPlanId,
        String toPlanId,
        boolean changed,
        String changedBy,
        Instant changedAt,
        String reason) {}
