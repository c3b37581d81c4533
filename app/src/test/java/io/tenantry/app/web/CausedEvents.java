package io.tenantry.app.web;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The events one request caused: those appended after a mark whose metadata carries the request's correlation id
 * (the app copies {@code X-Correlation-Id} into every event a request causes). Events of other requests and of
 * background processors, appended meanwhile, are not counted.
 */
final class CausedEvents {

    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final JdbcTemplate jdbc;

    CausedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The event store's global index now: events appended from here on have a greater one. */
    long mark() {
        Long max = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        return max == null ? 0 : max;
    }

    /** The payload types of the events after {@code mark} that the request with this correlation id caused. */
    List<String> since(long mark, String correlationId) {
        if (correlationId == null || !CORRELATION_ID.matcher(correlationId).matches()) {
            throw new IllegalArgumentException("not a correlation id the app keeps: " + correlationId);
        }
        return jdbc.queryForList("""
                select payload_type from domain_event_entry
                where global_index > ? and position(? in convert_from(meta_data, 'UTF8')) > 0
                order by global_index""", String.class, mark, "\"correlationId\":\"" + correlationId + "\"");
    }
}
