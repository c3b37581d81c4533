package io.tenantry.app.audit;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * "Which plan was tenant X on at time T, who changed it and why": three plan changes by three actors, read back from
 * the event store; the plan as of instants before, at, between and after them; and the exact diff between instants.
 */
class PlanAuditIT extends IntegrationTest {

    @Test
    void answersThePlanInForceAtAnyInstantAndWhatChangedBetweenTwo() throws Exception {
        String alice = uniqueUser("alice");
        String bob = uniqueUser("bob");
        String partner = uniqueUser("partner");
        String aliceToken = api.token(alice);
        String bobToken = api.token(bob);
        String partnerToken = api.token(partner, List.of("partner-admin"), List.of());
        String auditor = partnerAdmin();

        Api.Response created = api.post("/api/tenants")
                .bearer(aliceToken)
                .json(Map.of("name", "Audit Co", "slug", uniqueSlug("audit"), "tier", "POOLED"))
                .send();
        String tenantId = created.json().path("id").asText();
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> api.get("/api/tenants/" + tenantId + "/subscription")
                                .bearer(aliceToken)
                                .send()
                                .status()
                        == 200);
        assertThat(api.post("/api/tenants/" + tenantId + "/members")
                        .bearer(aliceToken)
                        .json(Map.of("userId", bob, "role", "OWNER"))
                        .send()
                        .status())
                .isEqualTo(201);
        Instant createdAt = Instant.parse(api.get("/api/audit/tenants/" + tenantId + "/events")
                .bearer(auditor)
                .send()
                .json()
                .path("items")
                .get(0)
                .path("occurredAt")
                .asText());
        Instant from = pause();

        Instant first = change(aliceToken, tenantId, "team", "more members", "corr-first");
        String carol = uniqueUser("carol");
        assertThat(api.post("/api/tenants/" + tenantId + "/members")
                        .bearer(aliceToken)
                        .json(Map.of("userId", carol, "role", "MEMBER"))
                        .send()
                        .status())
                .isEqualTo(201);
        String teamId = api.post("/api/tenants/" + tenantId + "/teams")
                .bearer(aliceToken)
                .json(Map.of("name", "Ops"))
                .send()
                .json()
                .path("teamId")
                .asText();
        pause();
        Instant second = change(partnerToken, tenantId, "business", "support upgrade", "corr-second");
        pause();
        Instant third = change(bobToken, tenantId, "team", "back to team", "corr-third");
        Instant to = pause();

        JsonNode history = api.get("/api/audit/tenants/" + tenantId + "/plan-changes")
                .bearer(auditor)
                .send()
                .json();
        assertThat(history.path("initialPlanId").asText()).isEqualTo("free");
        assertThat(history.path("total").asLong()).isEqualTo(3);
        List<String> changes = new ArrayList<>();
        history.path("items")
                .forEach(item -> changes.add(item.path("fromPlanId").asText() + ">"
                        + item.path("toPlanId").asText()
                        + " by " + item.path("changedBy").asText() + " because "
                        + item.path("reason").asText()
                        + " in " + item.path("correlationId").asText() + " at "
                        + item.path("changedAt").asText()));
        assertThat(changes)
                .containsExactly(
                        "free>team by " + alice + " because more members in corr-first at " + first,
                        "team>business by " + partner + " because support upgrade in corr-second at " + second,
                        "business>team by " + bob + " because back to team in corr-third at " + third);

        assertThat(planAsOf(auditor, tenantId, createdAt)).isEqualTo("free");
        assertThat(planAsOf(auditor, tenantId, first.minusMillis(1))).isEqualTo("free");
        assertThat(planAsOf(auditor, tenantId, first)).isEqualTo("team");
        assertThat(planAsOf(auditor, tenantId, second.minusMillis(1))).isEqualTo("team");
        assertThat(planAsOf(auditor, tenantId, second)).isEqualTo("business");
        assertThat(planAsOf(auditor, tenantId, third.minusMillis(1))).isEqualTo("business");
        assertThat(planAsOf(auditor, tenantId, third.plusSeconds(3600))).isEqualTo("team");
        JsonNode asOfSecond = asOf(auditor, tenantId, second.plusMillis(1)).json();
        assertThat(asOfSecond.path("changedBy").asText()).isEqualTo(partner);
        assertThat(asOfSecond.path("reason").asText()).isEqualTo("support upgrade");
        assertThat(asOfSecond.path("since").asText()).isEqualTo(second.toString());
        assertProblem(asOf(auditor, tenantId, createdAt.minusSeconds(60)), 404, "not_yet_created");

        JsonNode diff = api.get("/api/audit/tenants/" + tenantId + "/diff?from=" + from + "&to=" + to)
                .bearer(auditor)
                .send()
                .json();
        assertThat(diff.path("plan")).isEqualTo(json("{\"from\":\"free\",\"to\":\"team\",\"changed\":true}"));
        assertThat(diff.path("status").path("changed").asBoolean()).isFalse();
        assertThat(diff.path("status").path("to").asText()).isEqualTo("PENDING_PROVISION");
        assertThat(diff.path("members"))
                .isEqualTo(json("[{\"userId\":\"" + carol + "\",\"fromRole\":null,\"toRole\":\"MEMBER\"}]"));
        assertThat(diff.path("teams"))
                .isEqualTo(json("[{\"teamId\":\"" + teamId + "\",\"fromName\":null,\"toName\":\"Ops\"}]"));
        JsonNode lastStretch = api.get("/api/audit/tenants/" + tenantId + "/diff?from=" + second + "&to=" + to)
                .bearer(auditor)
                .send()
                .json();
        assertThat(lastStretch.path("plan"))
                .isEqualTo(json("{\"from\":\"business\",\"to\":\"team\",\"changed\":true}"));
        assertThat(lastStretch.path("members")).isEmpty();
        assertThat(lastStretch.path("teams")).isEmpty();
        assertProblem(
                api.get("/api/audit/tenants/" + tenantId + "/diff?from=" + to + "&to=" + from)
                        .bearer(auditor)
                        .send(),
                400,
                "invalid_range");

        JsonNode events = api.get("/api/audit/tenants/" + tenantId + "/events?limit=500")
                .bearer(auditor)
                .send()
                .json();
        List<String> kinds = new ArrayList<>();
        events.path("items")
                .forEach(item -> kinds.add(item.path("aggregateType").asText() + ":"
                        + item.path("type").asText()));
        assertThat(kinds)
                .containsSubsequence(
                        "Tenant:TenantCreatedEvent",
                        "Subscription:SubscriptionStartedEvent",
                        "Tenant:TenantPlanChangedEvent",
                        "Subscription:PlanChangedEvent",
                        "Tenant:TeamCreatedEvent",
                        "Subscription:PlanChangedEvent",
                        "Subscription:PlanChangedEvent");
        assertProblem(
                api.get("/api/audit/tenants/" + tenantId + "/plan-changes")
                        .bearer(aliceToken)
                        .send(),
                403,
                "forbidden");
        assertProblem(
                api.get("/api/audit/tenants/no-such-tenant/plan-changes")
                        .bearer(auditor)
                        .send(),
                404,
                "tenant_not_found");
    }

    private Instant change(String token, String tenantId, String planId, String reason, String correlationId) {
        Api.Response changed = api.call("PUT", "/api/tenants/" + tenantId + "/subscription/plan")
                .bearer(token)
                .header("X-Correlation-Id", correlationId)
                .json(Map.of("planId", planId, "reason", reason))
                .send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        return Instant.parse(changed.json().path("changedAt").asText());
    }

    private String planAsOf(String token, String tenantId, Instant at) {
        Api.Response response = asOf(token, tenantId, at);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("planId").asText();
    }

    private Api.Response asOf(String token, String tenantId, Instant at) {
        return api.get("/api/audit/tenants/" + tenantId + "/plan-changes?asOf=" + at)
                .bearer(token)
                .send();
    }

    /** Lets a few milliseconds pass, so instants on either side are distinct; answers the instant in between. */
    private static Instant pause() throws InterruptedException {
        Thread.sleep(15);
        Instant now = Instant.now();
        Thread.sleep(15);
        return now;
    }

    private static JsonNode json(String text) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    }
}
