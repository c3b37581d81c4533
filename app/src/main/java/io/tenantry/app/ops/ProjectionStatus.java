package io.tenantry.app.ops;

import java.util.List;

/**
 * One event processor of this process as {@code GET /api/admin/projections} shows it: {@code state} is
 * {@code running}, {@code replaying}, {@code error} or {@code stopped} ({@code subscribing} for processors that run in
 * the writing transaction); {@code position} is the lowest position its segments reached, {@code head} the event
 * store's, {@code lag} the events between them; {@code rebuildable} whether it is a read model that can be reset and
 * replayed (sagas and the Kafka publisher are not).
 */
public record ProjectionStatus(
        String name,
        String state,
        boolean rebuildable,
        boolean replaying,
        Long position,
        Long head,
        Long lag,
        int segments,
        List<String> errors) {}
