package io.tenantry.app.entitlement;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import io.tenantry.app.billing.BillingSupport;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.TokenExchanges;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Entitlements over HTTP: the plans' features, limits and quotas as each tenant has them, a partner-admin's overrides
 * (set, removed, ended by their deadline), the check services make before an action, the audit's answer for any
 * instant, the event that announces a change, and the features tenant tokens carry.
 */
class EntitlementsIT extends IntegrationTest {

    @Test
    void theCatalogueShowsEachPlansEntitlementsWithMembersAndTeamsAmongThem() {
        JsonNode plans = api.get("/api/plans")
                .bearer(api.token(uniqueUser("reader")))
                .send()
                .json();
        JsonNode team = find(plans, "id", "team");
        assertThat(find(team.path("entitlements"), "key", "members")
                        .path("value")
                        .asLong())
                .isEqualTo(team.path("maxMembers").asLong())
                .isEqualTo(25);
        assertThat(find(team.path("entitlements"), "key", "teams").path("kind").asText())
                .isEqualTo("LIMIT");
        assertThat(find(team.path("entitlements"), "key", "sso").path("kind").asText())
                .isEqualTo("FEATURE");
        JsonNode calls = find(team.path("entitlements"), "key", "api-calls");
        assertThat(calls.path("kind").asText()).isEqualTo("QUOTA");
        assertThat(calls.path("period").asText()).isEqualTo("MONTH");
        assertThat(calls.path("enforcement").asText()).isEqualTo("HARD");
    }

    @Test
    void aTenantHasItsPlansEntitlementsAndTheCheckAnswersEachWithItsUsage() {
        String ownerId = uniqueUser("owner");
        String owner = api.token(ownerId);
        String tenantId = BillingSupport.createTenant(api, owner, uniqueSlug("ent"), "team");
        addMember(owner, tenantId, uniqueUser("member"));

        JsonNode all = awaitRead(
                "/api/tenants/" + tenantId + "/entitlements",
                owner,
                body -> find(body.path("entitlements"), "key", "members")
                                .path("used")
                                .asLong()
                        == 2);
        assertThat(all.path("planId").asText()).isEqualTo("team");
        assertThat(all.path("features")).extracting(JsonNode::asText).containsExactly("sso");
        JsonNode members = find(all.path("entitlements"), "key", "members");
        assertThat(members.path("limit").asLong()).isEqualTo(25);
        assertThat(members.path("remaining").asLong()).isEqualTo(23);
        assertThat(members.path("source").asText()).isEqualTo("plan");
        JsonNode calls = find(all.path("entitlements"), "key", "api-calls");
        assertThat(calls.path("used").asLong()).isZero();
        assertThat(Instant.parse(calls.path("resetsAt").asText()))
                .isAfter(Instant.now())
                .isBefore(Instant.now().plus(Duration.ofDays(32)));

        JsonNode sso = check(owner, tenantId, "sso", 200);
        assertThat(sso.path("enabled").asBoolean()).isTrue();
        JsonNode export = check(owner, tenantId, "audit-export", 200);
        assertThat(export.path("enabled").asBoolean())
                .as("the Team plan has no audit export")
                .isFalse();

        JsonNode fits = check(owner, tenantId, "members?quantity=23", 200);
        assertThat(fits.path("allowed").asBoolean()).isTrue();
        assertProblem(
                api.get("/api/tenants/" + tenantId + "/entitlements/members?quantity=24")
                        .bearer(owner)
                        .send(),
                409,
                "limit_exceeded");
        assertProblem(
                api.get("/api/tenants/" + tenantId + "/entitlements/no-such-thing")
                        .bearer(owner)
                        .send(),
                404,
                "unknown_entitlement");
        assertProblem(
                api.get("/api/tenants/" + tenantId + "/entitlements/sso")
                        .bearer(api.token(uniqueUser("stranger")))
                        .send(),
                404,
                "tenant_not_found");
    }

    @Test
    void overridesGrantFeaturesAndMoveLimitsWithReasonsAndTheTokenAndTheAuditFollow() throws Exception {
        String ownerId = uniqueUser("owner");
        String owner = api.token(ownerId);
        String partner = partnerAdmin();
        String slug = uniqueSlug("ovr");
        String tenantId = BillingSupport.createTenant(api, owner, slug, null); // free: 5 members
        Instant beforeOverrides = Instant.now();

        Api.Response granted = override(partner, tenantId, "audit-export", Map.of("enabled", true, "reason", "pilot"));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(granted.json().path("source").asText()).isEqualTo("override");
        assertThat(granted.json().path("override").path("setBy").asText()).isNotBlank();
        Api.Response lowered = override(partner, tenantId, "members", Map.of("value", 1, "reason", "frozen"));
        assertThat(lowered.status()).as(lowered.toString()).isEqualTo(200);
        Instant withOverrides = Instant.now();

        // the lowered limit holds in the aggregate: a second member does not fit
        assertProblem(
                api.post("/api/tenants/" + tenantId + "/members")
                        .bearer(owner)
                        .json(Map.of("userId", uniqueUser("second"), "role", "MEMBER"))
                        .send(),
                409,
                "plan_limit_reached");
        awaitRead(
                "/api/tenants/" + tenantId + "/entitlements/audit-export",
                owner,
                body -> body.path("enabled").asBoolean());

        String tenantToken = TokenExchanges.tenantToken(api, owner, "tenant:" + slug);
        assertThat(features(tenantToken)).containsExactly("audit-export");

        // raised above the plan: six members on a five-member plan
        override(partner, tenantId, "members", Map.of("value", 6, "reason", "grace until the upgrade"));
        for (int i = 0; i < 5; i++) {
            addMember(owner, tenantId, uniqueUser("extra"));
        }
        Api.Response removed = api.call(
                        "DELETE", "/api/tenants/" + tenantId + "/entitlements/audit-export/override?reason=pilot+over")
                .bearer(partner)
                .send();
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.json().path("enabled").asBoolean()).isFalse();
        assertThat(removed.json().path("source").asText()).isEqualTo("plan");
        assertThat(features(TokenExchanges.tenantToken(api, owner, "tenant:" + slug)))
                .isEmpty();

        JsonNode before = asOf(partner, tenantId, beforeOverrides);
        assertThat(find(before.path("entitlements"), "key", "members")
                        .path("limit")
                        .asLong())
                .isEqualTo(5);
        assertThat(before.path("features")).isEmpty();
        JsonNode during = asOf(partner, tenantId, withOverrides);
        JsonNode members = find(during.path("entitlements"), "key", "members");
        assertThat(members.path("limit").asLong()).isEqualTo(1);
        assertThat(members.path("override").path("reason").asText()).isEqualTo("frozen");
        assertThat(during.path("features")).extracting(JsonNode::asText).containsExactly("audit-export");
        JsonNode now = asOf(partner, tenantId, Instant.now());
        assertThat(find(now.path("entitlements"), "key", "members")
                        .path("limit")
                        .asLong())
                .isEqualTo(6);
        assertThat(now.path("features")).isEmpty();

        List<String> causes = changes(partner, tenantId);
        assertThat(causes).containsExactly("override-set", "override-set", "override-set", "override-removed");
    }

    @Test
    void anOverrideEndsByItsDeadlineAndThatIsRecorded() {
        String owner = api.token(uniqueUser("owner"));
        String partner = partnerAdmin();
        String tenantId = BillingSupport.createTenant(api, owner, uniqueSlug("exp"), null);
        Instant expiresAt = Instant.now().plusSeconds(3);
        Api.Response set = override(
                partner,
                tenantId,
                "sso",
                Map.of("enabled", true, "reason", "trial", "expiresAt", expiresAt.toString()));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(Instant.parse(set.json().path("override").path("expiresAt").asText()))
                .isEqualTo(expiresAt);
        awaitRead(
                "/api/tenants/" + tenantId + "/entitlements/sso",
                owner,
                body -> body.path("enabled").asBoolean());

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> changes(partner, tenantId).contains("override-expired"));
        JsonNode ended = awaitRead(
                "/api/tenants/" + tenantId + "/entitlements/sso",
                owner,
                body -> body.path("source").asText().equals("plan"));
        assertThat(ended.path("enabled").asBoolean()).isFalse();
        JsonNode history = api.get("/api/audit/tenants/" + tenantId + "/events?limit=500")
                .bearer(partner)
                .send()
                .json();
        JsonNode end = find(history.path("items"), "type", "EntitlementOverrideEndedEvent");
        assertThat(end.path("payload").path("cause").asText()).isEqualTo("EXPIRED");
        assertThat(find(asOf(partner, tenantId, expiresAt.minusMillis(500)).path("entitlements"), "key", "sso")
                        .path("enabled")
                        .asBoolean())
                .isTrue();
        assertThat(asOf(partner, tenantId, expiresAt.plusMillis(1)).path("features"))
                .isEmpty();
    }

    @Test
    void aPlanChangeThatAltersTheEntitlementsIsAnnounced() {
        String owner = api.token(uniqueUser("owner"));
        String partner = partnerAdmin();
        String tenantId = BillingSupport.createTenant(api, owner, uniqueSlug("chg"), "team");
        BillingSupport.awaitSubscription(
                api, owner, tenantId, body -> "team".equals(body.path("planId").asText()));
        Api.Response changed = BillingSupport.changePlan(api, owner, tenantId, "business", "more seats");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changes(partner, tenantId)).containsExactly("plan-changed");
        awaitRead(
                "/api/tenants/" + tenantId + "/entitlements/audit-export",
                owner,
                body -> body.path("enabled").asBoolean());
    }

    @Test
    void aHardQuotaOfZeroRefusesAnyUseAndOverridesAreValidated() {
        String owner = api.token(uniqueUser("owner"));
        String partner = partnerAdmin();
        String tenantId = BillingSupport.createTenant(api, owner, uniqueSlug("quo"), null);
        override(partner, tenantId, "api-calls", Map.of("value", 0, "reason", "abuse"));
        JsonNode refused = awaitRefusal(owner, tenantId, "api-calls?quantity=1");
        assertThat(refused.path("code").asText()).isEqualTo("quota_exceeded");
        assertThat(refused.path("limit").asLong()).isZero();
        assertThat(refused.path("requested").asLong()).isEqualTo(1);

        assertProblem(override(partner, tenantId, "sso", Map.of("value", 3, "reason", "x")), 400, "invalid_override");
        assertProblem(
                override(partner, tenantId, "members", Map.of("enabled", true, "reason", "x")),
                400,
                "invalid_override");
        assertProblem(override(partner, tenantId, "members", Map.of("value", 3)), 400, "validation_failed");
        assertProblem(
                override(
                        partner,
                        tenantId,
                        "members",
                        Map.of(
                                "value",
                                3,
                                "reason",
                                "x",
                                "expiresAt",
                                Instant.now().minusSeconds(5).toString())),
                400,
                "invalid_override");
        assertProblem(
                override(partner, tenantId, "warp-drive", Map.of("enabled", true, "reason", "x")),
                404,
                "unknown_entitlement");
        assertProblem(
                api.call("DELETE", "/api/tenants/" + tenantId + "/entitlements/sso/override?reason=none")
                        .bearer(partner)
                        .send(),
                404,
                "override_not_found");
        assertProblem(
                override(owner, tenantId, "sso", Map.of("enabled", true, "reason", "self-service")), 403, "forbidden");
    }

    @Test
    void aHardQuotaRefusesWhatWouldPassItAndTheUsageThatCountsIsThisPeriods() {
        String owner = api.token(uniqueUser("owner"));
        String partner = partnerAdmin();
        String tenantId = BillingSupport.createTenant(api, owner, uniqueSlug("use"), null);
        override(partner, tenantId, "api-calls", Map.of("value", 10, "reason", "small pilot"));
        Instant now = Instant.now();
        Instant lastMonth = now.atZone(java.time.ZoneOffset.UTC)
                .withDayOfMonth(1)
                .minusDays(1)
                .toInstant();
        List<Map<String, Object>> records = new ArrayList<>();
        records.add(Map.of(
                "id",
                "r-1",
                "key",
                "api-calls",
                "quantity",
                5,
                "timestamp",
                now.minusSeconds(5).toString()));
        records.add(Map.of(
                "id",
                "r-2",
                "key",
                "api-calls",
                "quantity",
                3,
                "timestamp",
                now.minusSeconds(4).toString()));
        records.add(Map.of("id", "r-3", "key", "other-calls", "quantity", 50, "timestamp", now.toString()));
        if (Duration.between(lastMonth, now).toDays() < 30) { // within the ingest's 35 days: last month's, not counted
            records.add(Map.of("id", "r-4", "key", "api-calls", "quantity", 40, "timestamp", lastMonth.toString()));
        }
        Api.Response ingested = awaitIngest(owner, tenantId, records);
        assertThat(ingested.json().path("accepted").asInt()).isEqualTo(records.size());

        JsonNode fits = await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> check(owner, tenantId, "api-calls?quantity=2", 200),
                        body -> body.path("used").asLong() == 8);
        assertThat(fits.path("remaining").asLong()).isEqualTo(2);
        assertThat(fits.path("allowed").asBoolean()).isTrue();
        JsonNode refused = assertProblem(
                api.get("/api/tenants/" + tenantId + "/entitlements/api-calls?quantity=3")
                        .bearer(owner)
                        .send(),
                409,
                "quota_exceeded");
        assertThat(refused.path("used").asLong()).isEqualTo(8);
        assertThat(refused.path("limit").asLong()).isEqualTo(10);
        assertThat(Instant.parse(refused.path("resetsAt").asText())).isAfter(now);
        JsonNode all = api.get("/api/tenants/" + tenantId + "/entitlements")
                .bearer(owner)
                .send()
                .json();
        assertThat(find(all.path("entitlements"), "key", "api-calls")
                        .path("used")
                        .asLong())
                .isEqualTo(8);
    }

    private Api.Response awaitIngest(String token, String tenantId, List<Map<String, Object>> records) {
        // the tenant directory must know the tenant first (milliseconds after its creation)
        return await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> api.post("/api/tenants/" + tenantId + "/usage")
                                .bearer(token)
                                .json(Map.of("records", records))
                                .send(),
                        response -> response.status() == 200);
    }

    private JsonNode awaitRefusal(String token, String tenantId, String keyAndQuery) {
        return await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> api.get("/api/tenants/" + tenantId + "/entitlements/" + keyAndQuery)
                                .bearer(token)
                                .send(),
                        response -> response.status() == 409)
                .json();
    }

    private JsonNode check(String token, String tenantId, String keyAndQuery, int status) {
        Api.Response response = api.get("/api/tenants/" + tenantId + "/entitlements/" + keyAndQuery)
                .bearer(token)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response.json();
    }

    private Api.Response override(String token, String tenantId, String key, Map<String, Object> body) {
        return api.call("PUT", "/api/tenants/" + tenantId + "/entitlements/" + key + "/override")
                .bearer(token)
                .json(body)
                .send();
    }

    private JsonNode asOf(String partner, String tenantId, Instant at) {
        Api.Response response = api.get("/api/audit/tenants/" + tenantId + "/entitlements?asOf=" + at)
                .bearer(partner)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** The causes of the tenant's entitlements-changed events, in order, from its history. */
    private List<String> changes(String partner, String tenantId) {
        JsonNode history = api.get("/api/audit/tenants/" + tenantId + "/events?limit=500")
                .bearer(partner)
                .send()
                .json();
        List<String> causes = new ArrayList<>();
        history.path("items").forEach(event -> {
            if (event.path("type").asText().equals("TenantEntitlementsChangedEvent")) {
                causes.add(event.path("payload").path("cause").asText());
            }
        });
        return causes;
    }

    private void addMember(String token, String tenantId, String userId) {
        Api.Response added = api.post("/api/tenants/" + tenantId + "/members")
                .bearer(token)
                .json(Map.of("userId", userId, "role", "MEMBER"))
                .send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
    }

    private static List<String> features(String tenantToken) throws Exception {
        return SignedJWT.parse(tenantToken).getJWTClaimsSet().getStringListClaim("features");
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (item.path(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + " = " + value + " in " + array);
    }
}
