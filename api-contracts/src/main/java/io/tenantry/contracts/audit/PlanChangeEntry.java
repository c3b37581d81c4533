package io.tenantry.contracts.audit;

import java.time.Instant;

/** One plan change as the event store has it: from, to, who, when, why and in which request. */
public record PlanChangeEntry(
        long sequenceNumber,
        String fromPlanId,
        String toPlanId,
        String changedBy,
        Instant changedAt,
        String reason,
        String correlationId) {}
