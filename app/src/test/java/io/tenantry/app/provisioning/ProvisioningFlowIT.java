package io.tenantry.app.provisioning;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static io.tenantry.app.test.ProvisioningOrchestrator.body;
import static io.tenantry.app.test.ProvisioningOrchestrator.sign;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.ProvisioningOrchestrator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Provisioning end to end over HTTP and Kafka: the request on the topic, the orchestrator's signed answer, the tenant
 * active and only then its subscription; failure and retry; offboarding and restore; and every refusal of the webhook
 * (bad, stale, replayed signatures, unknown tenant, bad body) changing nothing.
 */
class ProvisioningFlowIT extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    private ProvisioningOrchestrator orchestrator;
    private String owner;
    private String admin;

    @BeforeEach
    void setUp() {
        orchestrator =
                new ProvisioningOrchestrator(api, environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
        owner = api.token(uniqueUser("owner"));
        admin = partnerAdmin();
    }

    private String createTenant(String tier) {
        Api.Response created = api.post("/api/tenants")
                .bearer(owner)
                .json(Map.of("name", "Provisioned Co", "slug", uniqueSlug("prov"), "tier", tier))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private JsonNode provision(String tenantId) {
        Api.Response started = api.post("/api/tenants/" + tenantId + "/provision")
                .bearer(admin)
                .send();
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().path("status").asText()).isEqualTo("PROVISIONING");
        return started.json();
    }

    private long events(String tenantId) {
        Long count = jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, tenantId);
        return count == null ? 0 : count;
    }

    private JsonNode awaitTenant(String tenantId, String status) {
        return awaitRead(
                "/api/tenants/" + tenantId,
                owner,
                body -> status.equals(body.path("status").asText()));
    }

    @Test
    void aSignedSuccessActivatesTheTenantThenItsSubscription() {
        String tenantId = createTenant("SILOED");
        awaitRead(
                "/api/tenants/" + tenantId + "/subscription",
                owner,
                body -> !body.path("active").asBoolean());
        provision(tenantId);

        JsonNode request = orchestrator.awaitRequest(tenantId, 1);
        assertThat(request.path("type").asInt()).isZero();
        assertThat(request.path("tier").asText()).isEqualTo("SILOED");
        assertThat(request.path("planId").asText()).isEqualTo("free");
        String contextId = request.path("contextId").asText();
        assertThat(contextId).isNotBlank();

        Api.Response answered = orchestrator.answer(tenantId, true, 0, contextId);
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        assertThat(answered.json().path("applied").asBoolean()).isTrue();

        awaitTenant(tenantId, "ACTIVE");
        JsonNode subscription = awaitRead(
                "/api/tenants/" + tenantId + "/subscription",
                owner,
                body -> body.path("active").asBoolean());
        assertThat(subscription.path("activatedAt").asText()).isNotBlank();

        // the same outcome again, freshly signed: acknowledged, nothing new
        long before = events(tenantId);
        Api.Response again = orchestrator.answer(tenantId, true, 0, contextId);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("applied").asBoolean()).isFalse();
        assertThat(events(tenantId)).isEqualTo(before);
    }

    @Test
    void aFailureKeepsTheSubscriptionInactiveAndARetryCanSucceed() {
        String tenantId = createTenant("POOLED");
        provision(tenantId);
        String first = orchestrator.awaitRequest(tenantId, 1).path("contextId").asText();

        assertThat(orchestrator.answer(tenantId, false, 0, first).status()).isEqualTo(200);
        awaitTenant(tenantId, "PROVISION_FAILED");
        assertThat(api.get("/api/tenants/" + tenantId + "/subscription")
                        .bearer(owner)
                        .send()
                        .json()
                        .path("active")
                        .asBoolean())
                .isFalse();

        provision(tenantId);
        String second = orchestrator.awaitRequest(tenantId, 2).path("contextId").asText();
        assertThat(second).isNotEqualTo(first);

        // an answer signed for the failed attempt proves nothing about this one
        assertProblem(orchestrator.answer(tenantId, true, 0, first), 401, "invalid_signature");
        assertThat(orchestrator.answer(tenantId, true, 0, second).status()).isEqualTo(200);
        awaitTenant(tenantId, "ACTIVE");
        awaitRead(
                "/api/tenants/" + tenantId + "/subscription",
                owner,
                body -> body.path("active").asBoolean());
    }

    @Test
    void refusesBadStaleAndReplayedSignaturesChangingNothing() {
        String tenantId = createTenant("POOLED");
        provision(tenantId);
        String contextId =
                orchestrator.awaitRequest(tenantId, 1).path("contextId").asText();
        String payload = body(tenantId, true, 0);
        long before = events(tenantId);

        String now = Long.toString(System.currentTimeMillis());
        assertProblem(orchestrator.send(payload, sign(payload, "another-context", now), now), 401, "invalid_signature");
        assertProblem(
                orchestrator.send(payload, "00" + sign(payload, contextId, now).substring(2), now),
                401,
                "invalid_signature");
        assertProblem(orchestrator.send(payload, null, now), 401, "missing_signature");
        assertProblem(orchestrator.send(payload, sign(payload, contextId, now), null), 401, "missing_signature");
        assertProblem(
                orchestrator.send(payload, sign(payload, contextId, "yesterday"), "yesterday"),
                401,
                "invalid_timestamp");
        assertProblem(
                orchestrator.answer(payload, contextId, System.currentTimeMillis() - 60_000), 401, "stale_timestamp");
        assertProblem(
                orchestrator.answer(payload, contextId, System.currentTimeMillis() + 60_000), 401, "stale_timestamp");
        assertThat(events(tenantId)).as("no refusal changed the tenant").isEqualTo(before);
        assertThat(api.get("/api/tenants/" + tenantId)
                        .bearer(owner)
                        .send()
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("PROVISIONING");

        long at = System.currentTimeMillis();
        Api.Response accepted = orchestrator.answer(payload, contextId, at);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        awaitTenant(tenantId, "ACTIVE"); // the saga's own steps after the answer are done
        long after = events(tenantId);
        assertProblem(orchestrator.answer(payload, contextId, at), 401, "replayed_signature");
        assertThat(events(tenantId)).isEqualTo(after);
    }

    @Test
    void anUnknownTenantIsNotFoundAndABadBodyIsRefused() {
        String unknown = "no-such-tenant-" + uniqueUser("x");
        assertProblem(orchestrator.answer(unknown, true, 0, "ctx"), 404, "not_found");
        for (String bad : List.of(
                "not json",
                "[]",
                "{\"status\":\"done\",\"initiatorId\":\"t\",\"type\":0}",
                "{\"status\":\"success\",\"type\":0}",
                "{\"status\":\"success\",\"initiatorId\":\"t\",\"type\":7}",
                "{\"status\":\"failure\",\"initiatorId\":\"t\",\"type\":0,\"reason\":\"Not a code\"}",
                "{\"status\":\"failure\",\"initiatorId\":\"t\",\"type\":0,\"reason\":7}")) {
            assertProblem(orchestrator.answer(bad, "ctx", System.currentTimeMillis()), 400, "invalid_callback");
        }
    }

    @Test
    void deletingRemovesTheResourcesAndRestoringProvisionsAgain() {
        String tenantId = createTenant("SILOED");
        provision(tenantId);
        String contextId =
                orchestrator.awaitRequest(tenantId, 1).path("contextId").asText();
        orchestrator.answer(tenantId, true, 0, contextId);
        awaitTenant(tenantId, "ACTIVE");

        assertThat(api.call("DELETE", "/api/tenants/" + tenantId)
                        .bearer(owner)
                        .send()
                        .status())
                .isEqualTo(204);
        JsonNode removal = orchestrator.awaitRequest(tenantId, 2);
        assertThat(removal.path("type").asInt()).isEqualTo(1);
        String removalContext = removal.path("contextId").asText();

        // the deprovisioning answer is signed for the removal, not for the old provisioning attempt
        assertProblem(orchestrator.answer(tenantId, true, 1, contextId), 401, "invalid_signature");
        assertProblem(
                api.post("/api/tenants/" + tenantId + "/restore").bearer(admin).send(),
                409,
                "deprovisioning_in_progress");
        Api.Response removed = orchestrator.answer(tenantId, true, 1, removalContext);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.json().path("applied").asBoolean()).isTrue();

        Api.Response restored =
                api.post("/api/tenants/" + tenantId + "/restore").bearer(admin).send();
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(restored.json().path("status").asText()).isEqualTo("PENDING_PROVISION");
        awaitRead(
                "/api/tenants/" + tenantId + "/subscription",
                owner,
                body -> "ACTIVE".equals(body.path("status").asText())
                        && !body.path("active").asBoolean());
    }

    @Test
    void aFailedRemovalIsReportedAndTheTenantStaysRestorable() {
        String tenantId = createTenant("POOLED");
        provision(tenantId);
        orchestrator.answer(
                tenantId,
                true,
                0,
                orchestrator.awaitRequest(tenantId, 1).path("contextId").asText());
        awaitTenant(tenantId, "ACTIVE");
        api.call("DELETE", "/api/tenants/" + tenantId).bearer(owner).send();
        String removalContext =
                orchestrator.awaitRequest(tenantId, 2).path("contextId").asText();

        assertThat(orchestrator.answer(tenantId, false, 1, removalContext).status())
                .isEqualTo(200);
        JsonNode history = api.get("/api/audit/tenants/" + tenantId + "/events?limit=100")
                .bearer(admin)
                .send()
                .json();
        assertThat(history.toString()).contains("TenantDeprovisioningFailedEvent");

        Api.Response restored =
                api.post("/api/tenants/" + tenantId + "/restore").bearer(admin).send();
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(restored.json().path("status").asText()).isEqualTo("PENDING_PROVISION");
    }

    @Test
    void onlyAPartnerAdminProvisionsAndAnActiveTenantIsNotProvisionedTwice() {
        String tenantId = createTenant("POOLED");
        assertProblem(
                api.post("/api/tenants/" + tenantId + "/provision")
                        .bearer(owner)
                        .send(),
                403,
                "forbidden");
        provision(tenantId);
        Api.Response again = api.post("/api/tenants/" + tenantId + "/provision")
                .bearer(admin)
                .send();
        assertThat(again.status())
                .as("while it runs, asking again changes nothing")
                .isEqualTo(202);
        orchestrator.answer(
                tenantId,
                true,
                0,
                orchestrator.awaitRequest(tenantId, 1).path("contextId").asText());
        awaitTenant(tenantId, "ACTIVE");
        assertProblem(
                api.post("/api/tenants/" + tenantId + "/provision")
                        .bearer(admin)
                        .send(),
                409,
                "invalid_status_transition");
        assertProblem(
                api.post("/api/tenants/no-such-tenant/provision").bearer(admin).send(), 404, "tenant_not_found");
    }
}
