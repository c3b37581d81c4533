package io.tenantry.query.dashboard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tenantry.dashboard}: what {@code GET /api/dashboard/stats} shows and how {@code GET /api/dashboard/stream}
 * serves its clients. Unset values take the defaults below.
 *
 * @param recentEvents     lifecycle events in the stats (20, at most 100)
 * @param recentFailures   provisioning failures in the stats (20)
 * @param heartbeat        how often an idle stream gets a comment line, so proxies and clients see it alive (15 s)
 * @param streamTimeout    how long one stream connection lasts before the server ends it; the client reconnects
 *                         with {@code Last-Event-ID} and misses nothing (30 min)
 * @param maxStreamClients open streams this node serves at once; one more is answered 503 (100)
 * @param clientBuffer     live events held for one slow client; a client that falls further behind is disconnected
 *                         and catches up from the event store when it reconnects (1000)
 * @param pollInterval     how often this node looks for lifecycle events in the event store when its
 *                         {@code dashboard-stream} processor has not signalled any (1 s)
 */
@ConfigurationProperties("tenantry.dashboard")
public record DashboardProperties(
        Integer recentEvents,
        Integer recentFailures,
        Duration heartbeat,
        Duration streamTimeout,
        Integer maxStreamClients,
        Integer clientBuffer,
        Duration pollInterval) {

    /** More would make the recent-events read of the event store (one gap per event) needlessly large. */
    static final int MAX_RECENT_EVENTS = 100;

    public DashboardProperties {
        recentEvents = Math.min(positive(recentEvents, 20, "recent-events"), MAX_RECENT_EVENTS);
        recentFailures = positive(recentFailures, 20, "recent-failures");
        heartbeat = positive(heartbeat, Duration.ofSeconds(15), "heartbeat");
        streamTimeout = positive(streamTimeout, Duration.ofMinutes(30), "stream-timeout");
        maxStreamClients = positive(maxStreamClients, 100, "max-stream-clients");
        clientBuffer = positive(clientBuffer, 1000, "client-buffer");
        pollInterval = positive(pollInterval, Duration.ofSeconds(1), "poll-interval");
    }

    private static int positive(Integer value, int otherwise, String name) {
        if (value == null) {
            return otherwise;
        }
        if (value < 1) {
            throw new IllegalArgumentException("tenantry.dashboard." + name + " must be at least 1");
        }
        return value;
    }

    private static Duration positive(Duration value, Duration otherwise, String name) {
        if (value == null) {
            return otherwise;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("tenantry.dashboard." + name + " must be positive");
        }
        return value;
    }
}
