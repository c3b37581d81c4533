package io.tenantry.app.webhooks;

import io.tenantry.contracts.lifecycle.LifecycleNotice;
import io.tenantry.contracts.webhook.WebhookEventTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The enabled endpoints the deliveries processor matches events against, kept in memory: read again whenever an
 * endpoint event passes (its row was written with it) and at least every {@link #MAX_AGE}.
 */
final class MatchingEndpoints {

    static final Duration MAX_AGE = Duration.ofSeconds(5);

    /** {@code tenantId} null: a platform endpoint. */
    record Endpoint(String id, String tenantId, List<String> eventTypes, Instant createdAt) {

        /**
         * Whether the event goes to this endpoint: its tenant's (any, for a platform endpoint), of a type it asked
         * for, and not older than the endpoint (a replay asks for older ones explicitly).
         */
        boolean wants(LifecycleNotice notice, Instant eventTime) {
            return (tenantId == null || tenantId.equals(notice.subject()))
                    && !eventTime.isBefore(createdAt)
                    && WebhookEventTypes.matchesAny(eventTypes, notice.type());
        }
    }

    private final JdbcTemplate jdbc;
    private volatile List<Endpoint> endpoints;
    private volatile long readAt;

    MatchingEndpoints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Endpoint> current() {
        if (endpoints == null || System.nanoTime() - readAt > MAX_AGE.toNanos()) {
            refresh();
        }
        return endpoints;
    }

    void refresh() {
        endpoints = jdbc.query(
                "select endpoint_id, tenant_id, event_types, created_at from webhook_endpoint"
                        + " where enabled and tenant_live",
                (row, n) -> new Endpoint(
                        row.getString(1),
                        row.getString(2),
                        List.of(row.getString(3).split(" ")),
                        row.getTimestamp(4).toInstant()));
        readAt = System.nanoTime();
    }
}
