package io.tenantry.app.audit;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.TokenExchanges;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * A tenant's audit log over HTTP: every change with who made it (a person, a partner admin acting as one, an API
 * key), the request's correlation id, origin address and user agent; filters, cursor paging without gaps or
 * repeats, the NDJSON export of a range, and who may read it.
 */
class AuditLogIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Tenant(String id, String slug, String owner, String ownerToken) {

        String path(String rest) {
            return "/api/tenants/" + id + rest;
        }
    }

    @Test
    void eachChangeSaysWhoWhatToWhatWhenAndFromWhere() {
        Tenant tenant = tenant();
        String bob = uniqueUser("audit-bob");
        Api.Response added = api.post(tenant.path("/members"))
                .bearer(tenant.ownerToken())
                .header("X-Correlation-Id", "audit-" + bob)
                .header("User-Agent", "AuditLogIT/1.0 (console)")
                .json(Map.of("userId", bob, "role", "MEMBER"))
                .send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);

        // an API key's change
        String key = api.post(tenant.path("/api-keys"))
                .bearer(tenant.ownerToken())
                .json(Map.of("name", "audit sync", "scopes", List.of("members:write", "audit:read")))
                .send()
                .json()
                .path("secret")
                .asText();
        String carol = uniqueUser("audit-carol");
        assertThat(api.post(tenant.path("/members"))
                        .bearer(key)
                        .json(Map.of("userId", carol, "role", "MEMBER"))
                        .send()
                        .status())
                .isEqualTo(201);

        // a partner admin acting as the owner
        String supportId = uniqueUser("audit-support");
        String support = api.token(supportId, List.of("partner-admin"), List.of("tenant:impersonate"));
        Map<String, String> exchange = TokenExchanges.form(tenant.ownerToken(), "tenant:" + tenant.slug());
        exchange.put("actor_token", support);
        exchange.put("actor_token_type", TokenExchanges.ACCESS_TOKEN);
        exchange.put("reason", "ticket 99: members are missing");
        Api.Response impersonation = api.post("/oauth2/token").form(exchange).send();
        assertThat(impersonation.status()).as(impersonation.toString()).isEqualTo(200);
        String actingAsOwner = impersonation.json().path("access_token").asText();
        String dave = uniqueUser("audit-dave");
        assertThat(api.post(tenant.path("/members"))
                        .bearer(actingAsOwner)
                        .json(Map.of("userId", dave, "role", "MEMBER"))
                        .send()
                        .status())
                .isEqualTo(201);

        JsonNode log = awaitRead(
                tenant.path("/audit-log?action=member-added"),
                tenant.ownerToken(),
                page -> targets(page).containsAll(List.of(bob, carol, dave)));
        JsonNode byOwner = entryFor(log, bob);
        assertThat(byOwner.path("actorId").asText()).isEqualTo(tenant.owner());
        assertThat(byOwner.path("actorType").asText()).isEqualTo("USER");
        assertThat(byOwner.path("targetType").asText()).isEqualTo("user");
        assertThat(byOwner.path("correlationId").asText()).isEqualTo("audit-" + bob);
        // the address this test's connection came from (loopback, or the machine's own)
        assertThat(byOwner.path("originIp").asText()).matches("[0-9a-fA-F:.]{3,45}");
        assertThat(byOwner.path("userAgent").asText()).isEqualTo("AuditLogIT/1.0 (console)");
        assertThat(byOwner.path("impersonatorId").isNull()).isTrue();
        assertThat(byOwner.path("tenantId").asText()).isEqualTo(tenant.id());
        assertThat(Instant.parse(byOwner.path("time").asText())).isBefore(Instant.now());

        JsonNode byKey = entryFor(log, carol);
        assertThat(byKey.path("actorId").asText()).startsWith("apikey:");
        assertThat(byKey.path("actorType").asText()).isEqualTo("API_KEY");

        JsonNode impersonated = entryFor(log, dave);
        assertThat(impersonated.path("actorId").asText()).isEqualTo(tenant.owner());
        assertThat(impersonated.path("impersonatorId").asText()).isEqualTo(supportId);
        // and the grant itself: the partner admin acted, on the owner
        JsonNode grants = awaitRead(
                tenant.path("/audit-log?action=impersonation-granted"),
                tenant.ownerToken(),
                page -> page.path("items").size() == 1);
        JsonNode grant = grants.path("items").get(0);
        assertThat(grant.path("actorId").asText()).isEqualTo(supportId);
        assertThat(grant.path("targetType").asText()).isEqualTo("user");
        assertThat(grant.path("targetId").asText()).isEqualTo(tenant.owner());

        // the tenant's creation, the key's, and the token grant are changes too; no personal data in any entry
        JsonNode all = awaitRead(
                tenant.path("/audit-log?limit=500"),
                tenant.ownerToken(),
                page -> actions(page).containsAll(List.of("created", "api-key-created", "member-added")));
        assertThat(all.toString()).doesNotContain("@").doesNotContain("ticket 99");
        // a key with audit:read reads it too
        Api.Response readByKey =
                api.get(tenant.path("/audit-log?limit=1")).bearer(key).send();
        assertThat(readByKey.status()).as(readByKey.toString()).isEqualTo(200);
    }

    @Test
    void filtersAndPagesWithoutGapsOrRepeatsAndExportsTheSameAsNdjson() throws Exception {
        Tenant tenant = tenant();
        String outsider = uniqueUser("audit-admin");
        addMember(tenant, outsider, "ADMIN");
        for (int i = 0; i < 4; i++) {
            addMember(tenant, uniqueUser("audit-m" + i), "MEMBER");
        }
        Thread.sleep(20);
        Instant middle = Instant.now();
        for (int i = 4; i < 7; i++) {
            addMember(tenant, uniqueUser("audit-m" + i), "MEMBER");
        }
        String adminToken = api.token(outsider);
        String removed = uniqueUser("audit-gone");
        addMember(tenant, removed, "MEMBER");
        assertThat(api.call("DELETE", tenant.path("/members/" + removed))
                        .bearer(adminToken)
                        .send()
                        .status())
                .isEqualTo(204);

        awaitRead(
                tenant.path("/audit-log?limit=500"),
                tenant.ownerToken(),
                page -> actions(page).contains("member-removed"));
        // the tenant's provisioning and subscription go on by themselves: read once its log holds still
        JsonNode everything = quietLog(tenant);
        List<JsonNode> all = items(everything);
        assertThat(everything.path("next").isNull()).isTrue();
        List<Long> positions =
                all.stream().map(e -> e.path("position").asLong()).toList();
        assertThat(positions).isSortedAccordingTo((a, b) -> Long.compare(b, a));

        // pages of 3, newest first: together exactly the whole, in the same order
        List<JsonNode> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response page = api.get(tenant.path("/audit-log?limit=3" + (cursor == null ? "" : "&cursor=" + cursor)))
                    .bearer(tenant.ownerToken())
                    .send();
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.json().path("items").size()).isLessThanOrEqualTo(3);
            paged.addAll(items(page.json()));
            cursor = page.json().path("next").isNull()
                    ? null
                    : page.json().path("next").asText();
            pages++;
        } while (cursor != null && pages < 100);
        assertThat(paged).isEqualTo(all);
        assertThat(pages).isEqualTo((all.size() + 2) / 3);

        // filters: by actor, by action and prefix, by time
        List<JsonNode> byAdmin = items(api.get(tenant.path("/audit-log?actor=" + outsider))
                .bearer(tenant.ownerToken())
                .send()
                .json());
        assertThat(byAdmin).hasSize(1);
        assertThat(byAdmin.get(0).path("action").asText()).isEqualTo("member-removed");
        assertThat(byAdmin.get(0).path("targetId").asText()).isEqualTo(removed);
        List<JsonNode> added = items(api.get(tenant.path("/audit-log?action=member-added&limit=500"))
                .bearer(tenant.ownerToken())
                .send()
                .json());
        assertThat(added).allSatisfy(e -> assertThat(e.path("action").asText()).isEqualTo("member-added"));
        List<JsonNode> members = items(api.get(tenant.path("/audit-log?action=member-*&limit=500"))
                .bearer(tenant.ownerToken())
                .send()
                .json());
        assertThat(members).hasSize(added.size() + 1);
        List<JsonNode> later = items(api.get(tenant.path("/audit-log?limit=500&from=" + middle))
                .bearer(tenant.ownerToken())
                .send()
                .json());
        assertThat(later).isNotEmpty().hasSizeLessThan(all.size());
        assertThat(later)
                .allSatisfy(e -> assertThat(Instant.parse(e.path("time").asText()))
                        .isAfterOrEqualTo(middle.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));

        // the export: oldest first, one JSON entry per line, the same entries
        Api.Response export = api.get(tenant.path("/audit-log/export"))
                .bearer(tenant.ownerToken())
                .send();
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        assertThat(export.header("Content-Disposition"))
                .hasValueSatisfying(
                        value -> assertThat(value).contains("attachment").contains(".ndjson"));
        List<JsonNode> exported = ndjson(export.body());
        List<JsonNode> reversed = new ArrayList<>(all);
        java.util.Collections.reverse(reversed);
        assertThat(exported).isEqualTo(reversed);
        List<JsonNode> exportedLater = ndjson(api.get(tenant.path("/audit-log/export?from=" + middle))
                .bearer(tenant.ownerToken())
                .send()
                .body());
        List<JsonNode> laterReversed = new ArrayList<>(later);
        java.util.Collections.reverse(laterReversed);
        assertThat(exportedLater).isEqualTo(laterReversed);
    }

    @Test
    void onlyItsOwnersAdminsAndKeysWithTheScopeReadItAndBadQueriesAreProblems() {
        Tenant tenant = tenant();
        Tenant other = tenant();
        String member = uniqueUser("audit-member");
        addMember(tenant, member, "MEMBER");
        assertProblem(
                api.get(tenant.path("/audit-log")).bearer(api.token(member)).send(), 403, "insufficient_role");
        assertProblem(
                api.get(tenant.path("/audit-log")).bearer(other.ownerToken()).send(), 404, "tenant_not_found");
        assertProblem(
                api.get(tenant.path("/audit-log/export"))
                        .bearer(other.ownerToken())
                        .send(),
                404,
                "tenant_not_found");
        String readerKey = key(tenant, "members:read");
        assertProblem(api.get(tenant.path("/audit-log")).bearer(readerKey).send(), 403, "insufficient_scope");
        String auditKey = key(other, "audit:read");
        assertProblem(api.get(tenant.path("/audit-log")).bearer(auditKey).send(), 404, "tenant_not_found");
        assertThat(api.get(other.path("/audit-log/export"))
                        .bearer(auditKey)
                        .send()
                        .status())
                .isEqualTo(200);

        assertProblem(
                api.get(tenant.path("/audit-log?cursor=bm9wZQ"))
                        .bearer(tenant.ownerToken())
                        .send(),
                400,
                "invalid_cursor");
        assertProblem(
                api.get(tenant.path("/audit-log?cursor=%25%25"))
                        .bearer(tenant.ownerToken())
                        .send(),
                400,
                "invalid_cursor");
        assertProblem(
                api.get(tenant.path("/audit-log?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"))
                        .bearer(tenant.ownerToken())
                        .send(),
                400,
                "invalid_range");
        assertProblem(
                api.get(tenant.path("/audit-log/export?from=yesterday"))
                        .bearer(tenant.ownerToken())
                        .send(),
                400,
                "bad_request");
        Api.Response tooMany = api.get(tenant.path("/audit-log?limit=501"))
                .bearer(tenant.ownerToken())
                .send();
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(400);
        assertThat(tooMany.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    private Tenant tenant() {
        String owner = uniqueUser("audit-owner");
        String token = api.token(owner);
        String slug = uniqueSlug("audit");
        Api.Response created = api.post("/api/tenants")
                .bearer(token)
                .json(Map.of("name", "Audit " + slug, "slug", slug, "tier", "POOLED", "planId", "business"))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();
        awaitRead("/api/tenants/" + id + "/members/" + owner, token, m -> true);
        return new Tenant(id, slug, owner, token);
    }

    /** The whole log once two reads half a second apart agree (at most 20 s). */
    private JsonNode quietLog(Tenant tenant) throws InterruptedException {
        JsonNode last = null;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            JsonNode now = api.get(tenant.path("/audit-log?limit=500"))
                    .bearer(tenant.ownerToken())
                    .send()
                    .json();
            if (now.equals(last)) {
                return now;
            }
            last = now;
            Thread.sleep(500);
        }
        throw new AssertionError("the audit log of " + tenant.id() + " kept changing");
    }

    private void addMember(Tenant tenant, String userId, String role) {
        Api.Response added = api.post(tenant.path("/members"))
                .bearer(tenant.ownerToken())
                .json(Map.of("userId", userId, "role", role))
                .send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        awaitRead(tenant.path("/members/" + userId), tenant.ownerToken(), m -> true);
    }

    private String key(Tenant tenant, String scope) {
        Api.Response created = api.post(tenant.path("/api-keys"))
                .bearer(tenant.ownerToken())
                .json(Map.of("name", "audit " + scope, "scopes", List.of(scope)))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("secret").asText();
    }

    private static List<JsonNode> items(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false).toList();
    }

    private static Set<String> targets(JsonNode page) {
        Set<String> targets = new HashSet<>();
        items(page).forEach(e -> targets.add(e.path("targetId").asText()));
        return targets;
    }

    private static Set<String> actions(JsonNode page) {
        Set<String> actions = new HashSet<>();
        items(page).forEach(e -> actions.add(e.path("action").asText()));
        return actions;
    }

    private static JsonNode entryFor(JsonNode page, String target) {
        Map<String, JsonNode> byTarget = new HashMap<>();
        items(page).forEach(e -> byTarget.put(e.path("targetId").asText(), e));
        assertThat(byTarget).containsKey(target);
        return byTarget.get(target);
    }

    private static List<JsonNode> ndjson(String body) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }
}
