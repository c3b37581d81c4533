package io.tenantry.contracts.audit;

import java.time.Instant;

/**
 * One event of a tenant's history: of which aggregate ({@code Tenant}, {@code Subscription}, {@code Invitation},
 * {@code Lead}) and where in its stream, with who caused it and in which request.
 */
public record EventHistoryEntry(
        String aggregateType,
        String aggregateId,
        long sequenceNumber,
        String type,
        Instant occurredAt,
        String actorId,
        String correlationId,
        Object payload) {}
