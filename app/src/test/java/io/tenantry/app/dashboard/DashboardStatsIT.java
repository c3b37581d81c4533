package io.tenantry.app.dashboard;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.Processors;
import io.tenantry.app.test.ProvisioningOrchestrator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /api/dashboard/stats}: its figures follow what happens (checked as changes from a snapshot, since every
 * test shares the database), its newest lifecycle events are the catch-up feed's, its failures come from a read model
 * that rebuilds to the same rows; for partner-admin only.
 */
class DashboardStatsIT extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private EventStore eventStore;

    private ProvisioningOrchestrator orchestrator;
    private String admin;
    private String owner;

    @BeforeEach
    void setUp() {
        orchestrator =
                new ProvisioningOrchestrator(api, environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
        admin = partnerAdmin();
        owner = api.token(uniqueUser("owner"));
    }

    @Test
    void followsTenantsPeopleLeadsAndFailures() {
        JsonNode before = stats();

        String pooled = createTenant("Figures Pooled", "POOLED", "free");
        String siloed = createTenant("Figures Siloed", "SILOED", "team");
        String deleted = createTenant("Figures Deleted", "POOLED", "business");
        send(api.call("DELETE", "/api/tenants/" + deleted).bearer(owner), 204);
        send(
                api.post("/api/tenants/" + pooled + "/members")
                        .bearer(owner)
                        .json(Map.of("userId", uniqueUser("member"), "role", "MEMBER")),
                201);
        send(api.post("/api/tenants/" + pooled + "/teams").bearer(owner).json(Map.of("name", "Figures team")), 201);
        send(
                api.post("/api/leads")
                        .json(Map.of(
                                "name",
                                "Fiona Figures",
                                "email",
                                "fiona-" + UUID.randomUUID() + "@example.com",
                                "companyName",
                                "Figures Co")),
                201);
        String failed = createTenant("Figures Failed", "POOLED", "free");
        failProvisioning(failed);
        String offboarded = createTenant("Figures Offboarded", "SILOED", "free");
        failDeprovisioning(offboarded);

        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("/tenants/byStatus/PENDING_PROVISION", 2L);
        expected.put("/tenants/byStatus/PROVISION_FAILED", 1L);
        expected.put("/tenants/byStatus/DELETED", 2L);
        expected.put("/tenants/byStatus/ACTIVE", 0L);
        expected.put("/tenants/byTier/POOLED", 2L);
        expected.put("/tenants/byTier/SILOED", 1L);
        expected.put("/tenants/byPlan/free", 2L);
        expected.put("/tenants/byPlan/team", 1L);
        expected.put("/tenants/byPlan/business", 0L);
        expected.put("/tenants/total", 3L);
        expected.put("/members/total", 4L); // the owner in three live tenants, and the member
        expected.put("/members/users", 2L);
        expected.put("/teams/total", 1L);
        expected.put("/leads/created", 1L);
        expected.put("/leads/open", 1L);
        expected.put("/leads/converted", 0L);
        // today is the last of the per-day figures: five tenants created, two failures
        expected.put("/tenantsCreatedPerDay/29/count", 5L);
        expected.put("/failuresPerDay/29/count", 2L);
        // and the status history ends today with the same changes as the counts by status
        expected.put("/statusPerDay/29/tenants/PENDING_PROVISION", 2L);
        expected.put("/statusPerDay/29/tenants/PROVISION_FAILED", 1L);
        expected.put("/statusPerDay/29/tenants/DELETED", 2L);
        expected.put("/statusPerDay/29/tenants/ACTIVE", 0L);
        JsonNode after = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        this::stats,
                        now -> changes(before, now, expected.keySet()).equals(expected)
                                && failuresOf(now.path("provisioningFailures"), offboarded)
                                                .size()
                                        == 1);

        for (String perDay : new String[] {"tenantsCreatedPerDay", "failuresPerDay", "statusPerDay"}) {
            assertThat(after.path(perDay)).as(perDay).hasSize(30);
            assertThat(after.path(perDay).get(29).path("day").asText())
                    .isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
            assertThat(after.path(perDay).get(0).path("day").asText())
                    .isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                            .minusDays(29)
                            .toString());
        }

        assertThat(after.path("statusPerDay").get(0).path("tenants").size())
                .as("every status, every day")
                .isEqualTo(io.tenantry.contracts.tenant.TenantStatus.values().length);

        JsonNode failures = after.path("provisioningFailures");
        JsonNode provisioning = only(failures, failed);
        assertThat(provisioning.path("kind").asText()).isEqualTo("provisioning");
        assertThat(provisioning.path("tenantName").asText()).isEqualTo("Figures Failed");
        assertThat(provisioning.path("tenantStatus").asText()).isEqualTo("PROVISION_FAILED");
        assertThat(provisioning.path("reason").asText()).isEqualTo("the orchestrator reported a failure");
        assertThat(provisioning.path("at").asText()).isNotBlank();
        JsonNode deprovisioning = only(failures, offboarded);
        assertThat(deprovisioning.path("kind").asText()).isEqualTo("deprovisioning");
        assertThat(deprovisioning.path("tenantStatus").asText()).isEqualTo("DELETED");
        assertThat(failures.get(0).path("tenantId").asText()).as("newest first").isEqualTo(offboarded);
    }

    @Test
    void showsTheNewestLifecycleEventsAsTheFeedGivesThem() {
        String tenant = createTenant("Figures Recent", "POOLED", "free");
        send(api.call("PATCH", "/api/tenants/" + tenant).bearer(owner).json(Map.of("industry", "Maps")), 200);

        JsonNode recent = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> stats().path("recentEvents"),
                        events -> events.size() > 0
                                && tenant.equals(events.get(0).path("subject").asText())
                                && "io.tenantry.tenant.updated.v1"
                                        .equals(events.get(0).path("type").asText()));
        List<JsonNode> events = list(recent);
        assertThat(events).hasSizeLessThanOrEqualTo(20);
        assertThat(events)
                .extracting(event -> event.path("position").asLong())
                .as("newest first")
                .isSortedAccordingTo((a, b) -> Long.compare(b, a))
                .doesNotHaveDuplicates();
        assertThat(events.stream()
                        .filter(event -> tenant.equals(event.path("subject").asText()))
                        .map(event -> event.path("type").asText()))
                .containsExactly(
                        "io.tenantry.tenant.updated.v1",
                        "io.tenantry.tenant.member-added.v1",
                        "io.tenantry.tenant.created.v1");

        // the same events, field for field, as the catch-up feed pages them
        long oldest = events.get(events.size() - 1).path("position").asLong();
        JsonNode page = send(
                        api.get("/api/lifecycle/events?after=" + (oldest - 1) + "&limit=1000")
                                .bearer(admin),
                        200)
                .json();
        Map<Long, JsonNode> feed = new LinkedHashMap<>();
        page.path("events").forEach(event -> feed.put(event.path("position").asLong(), event));
        assertThat(events)
                .allSatisfy(event -> assertThat(event)
                        .isEqualTo(feed.get(event.path("position").asLong())));
    }

    @Test
    void rebuildsTheFailuresToTheSameRows() {
        failProvisioning(createTenant("Figures Rebuilt", "POOLED", "free"));
        await().atMost(Duration.ofSeconds(20)).until(() -> failureRows().size() > 0);
        List<Map<String, Object>> before = failureRows();

        Processors.replay(processing, eventStore, "provisioning-failures");

        assertThat(failureRows()).isEqualTo(before);
    }

    @Test
    void isForPartnerAdminsOnly() {
        assertProblem(
                api.get("/api/dashboard/stats")
                        .bearer(api.token(uniqueUser("user")))
                        .send(),
                403,
                "forbidden");
        assertProblem(api.get("/api/dashboard/stats").send(), 401, "unauthenticated");
    }

    private JsonNode stats() {
        return send(api.get("/api/dashboard/stats").bearer(admin), 200).json();
    }

    private static Map<String, Long> changes(JsonNode before, JsonNode after, Iterable<String> paths) {
        Map<String, Long> changes = new LinkedHashMap<>();
        paths.forEach(path ->
                changes.put(path, after.at(path).asLong() - before.at(path).asLong()));
        return changes;
    }

    private String createTenant(String name, String tier, String planId) {
        return send(
                        api.post("/api/tenants")
                                .bearer(owner)
                                .json(Map.of(
                                        "name", name, "slug", uniqueSlug("figures"), "tier", tier, "planId", planId)),
                        201)
                .json()
                .path("id")
                .asText();
    }

    private void failProvisioning(String tenantId) {
        send(api.post("/api/tenants/" + tenantId + "/provision").bearer(admin), 202);
        String contextId =
                orchestrator.awaitRequest(tenantId, 1).path("contextId").asText();
        send(orchestrator.answer(tenantId, false, 0, contextId), 200);
        awaitRead(
                "/api/tenants/" + tenantId,
                owner,
                tenant -> "PROVISION_FAILED".equals(tenant.path("status").asText()));
    }

    private void failDeprovisioning(String tenantId) {
        send(api.post("/api/tenants/" + tenantId + "/provision").bearer(admin), 202);
        send(
                orchestrator.answer(
                        tenantId,
                        true,
                        0,
                        orchestrator.awaitRequest(tenantId, 1).path("contextId").asText()),
                200);
        awaitRead(
                "/api/tenants/" + tenantId,
                owner,
                tenant -> "ACTIVE".equals(tenant.path("status").asText()));
        send(api.call("DELETE", "/api/tenants/" + tenantId).bearer(owner), 204);
        JsonNode removal = orchestrator.awaitRequest(tenantId, 2);
        assertThat(removal.path("type").asInt()).isEqualTo(1);
        send(orchestrator.answer(tenantId, false, 1, removal.path("contextId").asText()), 200);
    }

    private List<Map<String, Object>> failureRows() {
        return jdbc.queryForList("select * from provisioning_failure order by event_id");
    }

    private static List<JsonNode> failuresOf(JsonNode failures, String tenantId) {
        return list(failures).stream()
                .filter(failure -> tenantId.equals(failure.path("tenantId").asText()))
                .toList();
    }

    private static JsonNode only(JsonNode failures, String tenantId) {
        List<JsonNode> matching = failuresOf(failures, tenantId);
        assertThat(matching).as("failures of %s in %s", tenantId, failures).hasSize(1);
        return matching.get(0);
    }

    private static List<JsonNode> list(JsonNode array) {
        return new ArrayList<>(StreamSupport.stream(array.spliterator(), false).toList());
    }

    private static Api.Response send(Api.Call call, int status) {
        return send(call.send(), status);
    }

    private static Api.Response send(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }
}
