package io.tenantry.contracts.subscription;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The subscription moved from one plan to another: who did it, when, why, and in which request
 * ({@code correlationId}). These events are the plan-change history; the audit reads them back from the event store.
 */
@Revision("1")
public record PlanChangedEvent(
        String subscriptionId,
        String tenantId,
        String fromPlanId,
        String toPlanId,
        String changedBy,
        Instant changedAt,
        String reason,
        String correlationId) {}
