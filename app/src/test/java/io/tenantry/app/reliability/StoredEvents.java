package io.tenantry.app.reliability;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Counts in Axon's event store ({@code domain_event_entry}), by event type, aggregate and payload field. */
final class StoredEvents {

    private final JdbcTemplate jdbc;

    StoredEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How many events of {@code type} the aggregate has. */
    int count(String aggregateId, Class<?> type) {
        Integer count = jdbc.queryForObject("""
                select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type = ?
                """, Integer.class, aggregateId, type.getName());
        return count == null ? 0 : count;
    }

    /** The values of one payload field in the aggregate's events of {@code type}, in order. */
    List<String> values(String aggregateId, Class<?> type, String field) {
        return jdbc.queryForList("""
                select convert_from(payload, 'UTF8')::jsonb ->> ? from domain_event_entry
                where aggregate_identifier = ? and payload_type = ? order by sequence_number
                """, String.class, field, aggregateId, type.getName());
    }

    /**
     * For each of {@code values}, how many events of {@code type} (of any aggregate) have it in payload field
     * {@code field}; one query for all, absent values counted 0.
     */
    Map<String, Integer> countBy(Class<?> type, String field, Collection<String> values) {
        Map<String, Integer> counts = new HashMap<>();
        values.forEach(value -> counts.put(value, 0));
        jdbc.query(
                """
                select convert_from(payload, 'UTF8')::jsonb ->> ? as value, count(*) as events from domain_event_entry
                where payload_type = ? and convert_from(payload, 'UTF8')::jsonb ->> ? = any(?)
                group by 1""",
                row -> {
                    counts.put(row.getString("value"), row.getInt("events"));
                },
                field,
                type.getName(),
                field,
                values.toArray(String[]::new));
        return counts;
    }
}
