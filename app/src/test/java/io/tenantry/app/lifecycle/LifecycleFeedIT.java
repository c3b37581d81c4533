package io.tenantry.app.lifecycle;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.projections.lifecycle.LifecycleSchemas;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /api/lifecycle/events}: the catch-up feed, paged by global position, for partner-admin only. */
class LifecycleFeedIT extends IntegrationTest {

    @Test
    void pagesTheSameEventsHoweverSmallThePages() {
        String admin = partnerAdmin();
        String owner = api.token(uniqueUser("owner"));
        long start = head(admin);
        String tenant = send(
                        api.post("/api/tenants")
                                .bearer(owner)
                                .json(Map.of("name", "Paged", "slug", uniqueSlug("paged"), "tier", "POOLED")),
                        201)
                .json()
                .path("id")
                .asText();
        send(api.call("PATCH", "/api/tenants/" + tenant).bearer(owner).json(Map.of("industry", "Books")), 200);
        send(api.call("DELETE", "/api/tenants/" + tenant).bearer(owner), 204);

        List<JsonNode> inOnePage = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> ofTenant(read(start, 1000, admin), tenant), events -> events.size() == 4);
        List<JsonNode> pageByPage = ofTenant(read(start, 1, admin), tenant);

        assertThat(pageByPage).isEqualTo(inOnePage);
        assertThat(inOnePage)
                .extracting(event -> event.path("type").asText())
                .containsExactly(
                        "io.tenantry.tenant.created.v1", "io.tenantry.tenant.member-added.v1",
                        "io.tenantry.tenant.updated.v1", "io.tenantry.tenant.deleted.v1");
        assertThat(inOnePage)
                .extracting(event -> event.path("position").asLong())
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(inOnePage)
                .allSatisfy(
                        event -> assertThat(LifecycleSchemas.violations(event)).isEmpty());
    }

    @Test
    void answersNothingNewWithTheSamePosition() {
        JsonNode page = send(api.get("/api/lifecycle/events?after=9000000000000000")
                        .bearer(partnerAdmin()))
                .json();

        assertThat(page.path("events").isEmpty()).isTrue();
        assertThat(page.path("next").asLong()).isEqualTo(9_000_000_000_000_000L);
    }

    @Test
    void isForPartnerAdminsOnly() {
        assertProblem(
                api.get("/api/lifecycle/events")
                        .bearer(api.token(uniqueUser("user")))
                        .send(),
                403,
                "forbidden");
        assertProblem(api.get("/api/lifecycle/events").send(), 401, "unauthenticated");
    }

    @Test
    void refusesBadParameters() {
        String admin = partnerAdmin();
        assertProblem(api.get("/api/lifecycle/events?after=-1").bearer(admin).send(), 400, "validation_failed");
        assertProblem(api.get("/api/lifecycle/events?limit=0").bearer(admin).send(), 400, "validation_failed");
        assertProblem(api.get("/api/lifecycle/events?limit=1001").bearer(admin).send(), 400, "validation_failed");
        assertProblem(api.get("/api/lifecycle/events?limit=-5").bearer(admin).send(), 400, "validation_failed");
        JsonNode notANumber = assertProblem(
                api.get("/api/lifecycle/events?after=yesterday").bearer(admin).send(), 400, "bad_request");
        assertThat(notANumber.path("detail").asText()).contains("after");
        assertProblem(api.get("/api/lifecycle/events?limit=lots").bearer(admin).send(), 400, "bad_request");
    }

    /** Where the feed ends now. */
    private long head(String admin) {
        List<JsonNode> all = read(0, 1000, admin);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).path("position").asLong();
    }

    /** The feed from {@code after} to its end, {@code limit} events a page. */
    private List<JsonNode> read(long after, int limit, String admin) {
        List<JsonNode> events = new ArrayList<>();
        long next = after;
        while (true) {
            JsonNode page = send(api.get("/api/lifecycle/events?after=" + next + "&limit=" + limit)
                            .bearer(admin))
                    .json();
            assertThat(page.path("events").size()).isLessThanOrEqualTo(limit);
            page.path("events").forEach(events::add);
            long following = page.path("next").asLong();
            if (following == next) {
                return events;
            }
            assertThat(following).isGreaterThan(next);
            next = following;
        }
    }

    private static List<JsonNode> ofTenant(List<JsonNode> events, String tenant) {
        return events.stream()
                .filter(event -> tenant.equals(event.path("subject").asText()))
                .toList();
    }

    private static Api.Response send(Api.Call call) {
        return send(call, 200);
    }

    private static Api.Response send(Api.Call call, int status) {
        Api.Response response = call.send();
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }
}
