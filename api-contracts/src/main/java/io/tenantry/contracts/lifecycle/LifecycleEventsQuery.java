package io.tenantry.contracts.lifecycle;

/**
 * The catch-up feed: up to {@code limit} lifecycle events after global position {@code after} (0: from the first),
 * read from the event store in its order; a {@link LifecycleEventPage}.
 */
public record LifecycleEventsQuery(long after, int limit) {}
