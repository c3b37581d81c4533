package io.tenantry.app.dashboard;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.dashboard.EventStream.Event;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.projections.lifecycle.LifecycleSchemas;
import io.tenantry.query.dashboard.LifecycleStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /api/dashboard/stream} over plain HTTP: live lifecycle events as server-sent events, and a client that
 * reconnects with {@code Last-Event-ID} gets exactly what it missed, in order, then the live events again.
 */
class DashboardStreamIT extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    private LifecycleStream streams;

    @Test
    void sendsLiveEventsAndReplaysExactlyWhatADroppedClientMissed() {
        String admin = partnerAdmin();
        String owner = api.token(uniqueUser("owner"));
        int openBefore = streams.clients();
        String tenant;
        Event lastSeen;
        try (EventStream first = EventStream.open(port, admin, null)) {
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.header("Content-Type")).startsWith("text/event-stream");
            assertThat(first.next(WAIT).comment())
                    .as("a greeting first, so the client knows it is connected")
                    .isIn("connected", "retry");

            tenant = send(
                            api.post("/api/tenants")
                                    .bearer(owner)
                                    .json(Map.of("name", "Streamed", "slug", uniqueSlug("streamed"), "tier", "POOLED")),
                            201)
                    .json()
                    .path("id")
                    .asText();
            List<Event> created = first.await(of(tenant), 2, WAIT);
            assertThat(created)
                    .extracting(Event::event)
                    .containsExactly("io.tenantry.tenant.created.v1", "io.tenantry.tenant.member-added.v1");
            for (Event event : created) {
                JsonNode notice = event.json();
                assertThat(notice.path("type").asText()).isEqualTo(event.event());
                assertThat(notice.path("position").asLong()).isEqualTo(event.position());
                assertThat(LifecycleSchemas.violations(notice)).isEmpty();
            }
            assertThat(created.get(0).json().path("data").path("name").asText()).isEqualTo("Streamed");
            assertThat(sameAsTheFeed(first.received(), admin)).isTrue();
            lastSeen = created.get(1);
        }

        // while no one listens
        send(api.call("PATCH", "/api/tenants/" + tenant).bearer(owner).json(Map.of("industry", "Radio")), 200);
        send(api.post("/api/tenants/" + tenant + "/teams").bearer(owner).json(Map.of("name", "Listeners")), 201);
        send(api.call("PATCH", "/api/tenants/" + tenant).bearer(owner).json(Map.of("name", "Streamed Again")), 200);
        awaitInFeed(tenant, lastSeen.position(), 3, admin);
        // at most as many as before: a stream another test's page left open may be dropped meanwhile too
        await("the dropped stream is forgotten once writing to it fails")
                .atMost(WAIT)
                .until(() -> streams.clients() <= openBefore);

        try (EventStream second = EventStream.open(port, admin, lastSeen.id())) {
            List<Event> missed = second.await(of(tenant), 3, WAIT);
            assertThat(missed)
                    .extracting(Event::event)
                    .containsExactly(
                            "io.tenantry.tenant.updated.v1",
                            "io.tenantry.tenant.team-created.v1",
                            "io.tenantry.tenant.updated.v1");
            assertThat(missed.get(2).json().path("data").path("name").asText()).isEqualTo("Streamed Again");

            send(api.call("DELETE", "/api/tenants/" + tenant).bearer(owner), 204);
            Event live = second.await(of(tenant), 1, WAIT).get(0);
            assertThat(live.event()).isEqualTo("io.tenantry.tenant.deleted.v1");

            List<Event> all = second.received();
            assertThat(all)
                    .extracting(Event::position)
                    .as("nothing the client had, nothing twice, in order")
                    .allMatch(position -> position > lastSeen.position())
                    .isSorted()
                    .doesNotHaveDuplicates();
            assertThat(sameAsTheFeed(all, admin))
                    .as("exactly the feed's events after Last-Event-ID")
                    .isTrue();
        }
    }

    @Test
    void isForPartnerAdminsOnlyAndRefusesABadLastEventId() {
        assertProblem(stream(null, null), 401, "unauthenticated");
        assertProblem(stream(api.token(uniqueUser("user")), null), 403, "forbidden");
        assertThat(assertProblem(stream(partnerAdmin(), "yesterday"), 400, "bad_request")
                        .path("detail")
                        .asText())
                .contains("Last-Event-ID");
        assertProblem(stream(partnerAdmin(), "-1"), 400, "validation_failed");
    }

    /** A stream request that is refused (the whole answer is read: it must end). */
    private Api.Response stream(String token, String lastEventId) {
        Api.Call call = api.get("/api/dashboard/stream").header("Accept", "text/event-stream");
        if (token != null) {
            call.bearer(token);
        }
        if (lastEventId != null) {
            call.header("Last-Event-ID", lastEventId);
        }
        return call.send();
    }

    /** Whether the events are exactly the catch-up feed's from just before the first to the last. */
    private boolean sameAsTheFeed(List<Event> events, String admin) {
        long first = events.get(0).position();
        long last = events.get(events.size() - 1).position();
        List<JsonNode> feed = new ArrayList<>();
        JsonNode page = send(
                        api.get("/api/lifecycle/events?after=" + (first - 1) + "&limit=1000")
                                .bearer(admin),
                        200)
                .json();
        page.path("events").forEach(event -> {
            if (event.path("position").asLong() <= last) {
                feed.add(event);
            }
        });
        return events.stream().map(Event::json).toList().equals(feed);
    }

    private void awaitInFeed(String tenant, long after, int count, String admin) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode page = send(
                            api.get("/api/lifecycle/events?after=" + after + "&limit=1000")
                                    .bearer(admin),
                            200)
                    .json();
            int found = 0;
            for (JsonNode event : page.path("events")) {
                found += tenant.equals(event.path("subject").asText()) ? 1 : 0;
            }
            return found >= count;
        });
    }

    private static java.util.function.Predicate<Event> of(String tenant) {
        return event -> tenant.equals(event.json().path("subject").asText());
    }

    private static Api.Response send(Api.Call call, int status) {
        Api.Response response = call.send();
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }
}
