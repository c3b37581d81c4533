package io.tenantry.query.dashboard;

import io.tenantry.contracts.lifecycle.LifecycleNotice;
import io.tenantry.projections.lifecycle.LifecycleCloudEvents;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The newest lifecycle events, read from the event store and mapped as the lifecycle topic and the catch-up feed map
 * them (same ids, types and data, with the feed's {@code position}). Two reads: the positions of the newest lifecycle
 * events (walking the global index down from the end, filtered by payload type), then exactly those events through
 * the storage engine, so upcasters and the personal-data serializer apply as everywhere else.
 */
@Component
class RecentLifecycleEvents {

    private final NamedParameterJdbcTemplate jdbc;
    private final EventStorageEngine storage;
    private final LifecycleCloudEvents cloudEvents;
    private final List<String> payloadTypes;

    RecentLifecycleEvents(
            NamedParameterJdbcTemplate jdbc, EventStorageEngine storage, LifecycleCloudEvents cloudEvents) {
        this.jdbc = jdbc;
        this.storage = storage;
        this.cloudEvents = cloudEvents;
        this.payloadTypes = LifecycleCloudEvents.types().keySet().stream()
                .map(Class::getName)
                .toList();
    }

    /** Up to {@code limit} lifecycle events, newest first. */
    List<LifecycleNotice> newest(int limit) {
        Map<String, Long> positions = new HashMap<>();
        jdbc.query("""
                select event_identifier, global_index from domain_event_entry
                where payload_type in (:types) order by global_index desc limit :limit
                """, new MapSqlParameterSource("types", payloadTypes).addValue("limit", limit), rs -> {
            positions.put(rs.getString("event_identifier"), rs.getLong("global_index"));
        });
        if (positions.isEmpty()) {
            return List.of();
        }
        List<LifecycleNotice> events = new ArrayList<>();
        long highest =
                positions.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        // A token past the newest of them whose "gaps" are exactly their positions: the engine reads those events
        // (as a tracking processor reads events that committed late), in global order, before anything newer.
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(highest + 1, positions.values());
        try (Stream<? extends TrackedEventMessage<?>> stored = storage.readEvents(token, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = stored.iterator();
            while (iterator.hasNext() && events.size() < positions.size()) {
                TrackedEventMessage<?> event = iterator.next();
                Long position = positions.get(event.getIdentifier());
                if (position == null) {
                    break; // past the wanted ones: an event stored since
                }
                cloudEvents.map(event).map(notice -> notice.at(position)).ifPresent(events::add);
            }
        }
        events.sort(Comparator.comparing(LifecycleNotice::position).reversed());
        return events;
    }
}
