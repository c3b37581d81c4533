package io.tenantry.contracts.audit;

import java.time.Instant;

/** One event of an aggregate's history, with who caused it and in which request. */
public record EventHistoryEntry(
        long sequenceNumber,
        String type,
        Instant occurredAt,
        String actorId,
        String correlationId,
        Object payload) {
}
