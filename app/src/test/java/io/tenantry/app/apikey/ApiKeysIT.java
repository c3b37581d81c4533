package io.tenantry.app.apikey;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.Concurrently;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.contracts.apikey.ApiKeySecrets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Tenant API keys over HTTP: the secret shown once and stored as a hash, exactly the scopes' endpoints of exactly the
 * key's tenant, revocation and expiry, the plan's limit, the rate limit, last use, and keys outliving their creator.
 */
class ApiKeysIT extends IntegrationTest {

    private static final String SECRET_SHAPE = "tnt_[0-9A-Za-z]{38}";

    record Tenant(String id, String owner, String ownerToken) {

        String path(String rest) {
            return "/api/tenants/" + id + rest;
        }
    }

    @Test
    void theSecretIsShownOnceAndTheKeyActsAtOnceWithinItsScopes() {
        Tenant tenant = tenant();
        Api.Response created = api.post(tenant.path("/api-keys"))
                .bearer(tenant.ownerToken())
                .json(Map.of("name", "CRM sync", "scopes", List.of("members:read", "members:write")))
                .send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).contains("no-store");
        JsonNode key = created.json();
        String secret = key.path("secret").asText();
        assertThat(secret).matches(SECRET_SHAPE);
        assertThat(key.path("shown").asText()).isEqualTo(secret.substring(0, 12));
        assertThat(key.path("createdBy").asText()).isEqualTo(tenant.owner());
        assertThat(created.header("Location"))
                .hasValueSatisfying(location -> assertThat(location)
                        .endsWith(tenant.path("/api-keys/" + key.path("id").asText())));

        // no wait: the key is usable as soon as its creation is answered
        Api.Response members = api.get(tenant.path("/members")).bearer(secret).send();
        assertThat(members.status()).as(members.toString()).isEqualTo(200);
        assertThat(members.body()).contains(tenant.owner());

        String newcomer = uniqueUser("key-added");
        Api.Response added = api.post(tenant.path("/members"))
                .bearer(secret)
                .json(Map.of("userId", newcomer, "role", "MEMBER"))
                .send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);

        JsonNode listed = awaitRead(
                tenant.path("/api-keys"),
                tenant.ownerToken(),
                list -> list.path("keys").size() == 1);
        JsonNode entry = listed.path("keys").get(0);
        assertThat(entry.path("name").asText()).isEqualTo("CRM sync");
        assertThat(entry.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(entry.path("scopes").toString()).isEqualTo("[\"members:read\",\"members:write\"]");
        assertThat(listed.toString()).doesNotContain(secret).doesNotContain(secret.substring(12));
    }

    @Test
    void aKeyReachesOnlyWhatItsScopesOpenAndOnlyItsOwnTenant() {
        Tenant tenant = tenant();
        Tenant other = tenant();
        String reader = key(tenant, "members:read");

        assertProblem(
                api.post(tenant.path("/members"))
                        .bearer(reader)
                        .json(Map.of("userId", uniqueUser("nope"), "role", "MEMBER"))
                        .send(),
                403,
                "insufficient_scope");
        assertProblem(api.get(tenant.path("/entitlements")).bearer(reader).send(), 403, "insufficient_scope");
        assertProblem(
                api.post("/api/tenants")
                        .bearer(reader)
                        .json(Map.of("name", "By key", "slug", uniqueSlug("bykey"), "tier", "POOLED"))
                        .send(),
                403,
                "insufficient_scope");
        assertProblem(
                api.post(tenant.path("/api-keys"))
                        .bearer(reader)
                        .json(Map.of("name", "Child", "scopes", List.of("members:read")))
                        .send(),
                403,
                "insufficient_scope");
        assertProblem(api.get(tenant.path("/api-keys")).bearer(reader).send(), 403, "insufficient_scope");
        // another tenant is not found, as for any stranger
        assertProblem(api.get(other.path("/members")).bearer(reader).send(), 404, "tenant_not_found");
        assertThat(api.get(tenant.path("")).bearer(reader).send().status()).isEqualTo(200);

        String metering = key(tenant, "usage:write", "entitlements:read");
        Api.Response usage = api.post(tenant.path("/usage"))
                .bearer(metering)
                .json(Map.of(
                        "records",
                        List.of(Map.of(
                                "id",
                                "k-1",
                                "key",
                                "api-calls",
                                "quantity",
                                3,
                                "timestamp",
                                Instant.now().toString()))))
                .send();
        assertThat(usage.status()).as(usage.toString()).isBetween(200, 202);
        assertThat(api.get(tenant.path("/entitlements/api-keys"))
                        .bearer(metering)
                        .send()
                        .status())
                .isEqualTo(200);
        assertProblem(api.get(other.path("/entitlements")).bearer(metering).send(), 404, "tenant_not_found");
    }

    @Test
    void aKeyThatIsNotUsableIsRefusedAlike() {
        Tenant tenant = tenant();
        String secret = key(tenant, "members:read");
        String wrongChecksum = secret.substring(0, secret.length() - 1) + (secret.endsWith("A") ? "B" : "A");
        String unknown = ApiKeySecrets.generate(); // well-formed, never created

        for (String refused : List.of(wrongChecksum, unknown, "tnt_short", "tnt_" + "x".repeat(38))) {
            Api.Response response =
                    api.get(tenant.path("/members")).bearer(refused).send();
            assertProblem(response, 401, "invalid_api_key");
            assertThat(response.header("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        }

        String keyId = keyId(tenant, secret);
        assertThat(api.call("DELETE", tenant.path("/api-keys/" + keyId))
                        .bearer(tenant.ownerToken())
                        .send()
                        .status())
                .isEqualTo(204);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() ->
                        api.get(tenant.path("/members")).bearer(secret).send().status() == 401);
        assertThat(awaitRead(
                                tenant.path("/api-keys"),
                                tenant.ownerToken(),
                                list -> "REVOKED"
                                        .equals(list.path("keys")
                                                .get(0)
                                                .path("status")
                                                .asText()))
                        .path("keys")
                        .get(0)
                        .path("revokedBy")
                        .asText())
                .isEqualTo(tenant.owner());
        // revoking again changes nothing; an unknown key is not found
        assertThat(api.call("DELETE", tenant.path("/api-keys/" + keyId))
                        .bearer(tenant.ownerToken())
                        .send()
                        .status())
                .isEqualTo(204);
        assertProblem(
                api.call("DELETE", tenant.path("/api-keys/no-such-key"))
                        .bearer(tenant.ownerToken())
                        .send(),
                404,
                "api_key_not_found");
    }

    @Test
    void aKeyStopsAtItsEnd() {
        Tenant tenant = tenant();
        Api.Response created = api.post(tenant.path("/api-keys"))
                .bearer(tenant.ownerToken())
                .json(Map.of(
                        "name",
                        "Short-lived",
                        "scopes",
                        List.of("members:read"),
                        "expiresAt",
                        Instant.now().plusSeconds(2).toString()))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String secret = created.json().path("secret").asText();
        assertThat(api.get(tenant.path("/members")).bearer(secret).send().status())
                .isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() ->
                        api.get(tenant.path("/members")).bearer(secret).send().status() == 401);
        assertThat(tenantKeys(tenant).get(0).path("status").asText()).isEqualTo("EXPIRED");

        assertProblem(
                api.post(tenant.path("/api-keys"))
                        .bearer(tenant.ownerToken())
                        .json(Map.of(
                                "name",
                                "Past",
                                "scopes",
                                List.of("members:read"),
                                "expiresAt",
                                Instant.now().minusSeconds(60).toString()))
                        .send(),
                400,
                "invalid_expiry");
        assertProblem(
                api.post(tenant.path("/api-keys"))
                        .bearer(tenant.ownerToken())
                        .json(Map.of("name", "Odd", "scopes", List.of("members:admin")))
                        .send(),
                400,
                "invalid_scope");
    }

    @Test
    void onlyOwnersAndAdminsManageKeysWithinThePlansLimit() {
        Tenant tenant = tenant(); // the default plan allows 2 keys
        String member = addMember(tenant, "MEMBER");
        assertProblem(
                api.post(tenant.path("/api-keys"))
                        .bearer(member)
                        .json(Map.of("name", "Mine", "scopes", List.of("members:read")))
                        .send(),
                403,
                "insufficient_role");
        assertProblem(api.get(tenant.path("/api-keys")).bearer(member).send(), 403, "insufficient_role");
        assertProblem(
                api.post(tenant.path("/api-keys"))
                        .bearer(api.token(uniqueUser("stranger")))
                        .json(Map.of("name", "Theirs", "scopes", List.of("members:read")))
                        .send(),
                404,
                "tenant_not_found");

        String first = key(tenant, "members:read");
        key(tenant, "members:read");
        JsonNode refused = assertProblem(
                api.post(tenant.path("/api-keys"))
                        .bearer(tenant.ownerToken())
                        .json(Map.of("name", "Third", "scopes", List.of("members:read")))
                        .send(),
                409,
                "plan_limit_reached");
        assertThat(refused.path("limit").asLong()).isEqualTo(2);

        // a revoked key no longer counts
        api.call("DELETE", tenant.path("/api-keys/" + keyId(tenant, first)))
                .bearer(tenant.ownerToken())
                .send();
        assertThat(key(tenant, "members:read")).matches(SECRET_SHAPE);
    }

    @Test
    void aKeyOutlivesItsCreator() {
        Tenant tenant = tenant();
        String adminToken = addMember(tenant, "ADMIN");
        Api.Response created = api.post(tenant.path("/api-keys"))
                .bearer(adminToken)
                .json(Map.of("name", "Made by an admin", "scopes", List.of("members:read")))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String secret = created.json().path("secret").asText();
        String admin = created.json().path("createdBy").asText();

        assertThat(api.call("DELETE", tenant.path("/members/" + admin))
                        .bearer(tenant.ownerToken())
                        .send()
                        .status())
                .isEqualTo(204);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> api.get(tenant.path("/members/" + admin))
                                .bearer(secret)
                                .send()
                                .status()
                        == 404);
        Api.Response members = api.get(tenant.path("/members")).bearer(secret).send();
        assertThat(members.status()).isEqualTo(200);
        assertThat(members.body()).doesNotContain(admin);
    }

    @Test
    void usesAreNotedAtMostOncePerPeriodAndTheRateLimitHolds() throws Exception {
        Tenant tenant = tenant();
        String secret = key(tenant, "members:read");
        assertThat(tenantKeys(tenant).get(0).has("lastUsedAt")).isFalse();

        api.get(tenant.path("/members")).bearer(secret).send();
        JsonNode used = awaitRead(
                        tenant.path("/api-keys"),
                        tenant.ownerToken(),
                        list -> list.path("keys").get(0).has("lastUsedAt"))
                .path("keys")
                .get(0);
        String lastUsed = used.path("lastUsedAt").asText();

        // a burst beyond the key's limit (200, refilled at 10 a second in tests): some answered 429 with Retry-After
        List<Api.Response> answers = new ArrayList<>();
        try (Concurrently clients = new Concurrently(8)) {
            Callable<List<Api.Response>> client = () -> {
                Api own = newClient();
                List<Api.Response> mine = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    mine.add(own.get(tenant.path("/members")).bearer(secret).send());
                }
                return mine;
            };
            clients.run(8, client).forEach(answers::addAll);
        }
        List<Api.Response> throttled =
                answers.stream().filter(response -> response.status() == 429).toList();
        assertThat(answers).allSatisfy(response -> assertThat(response.status()).isIn(200, 429));
        assertThat(throttled).isNotEmpty();
        assertProblem(throttled.get(0), 429, "rate_limited");
        assertThat(throttled.get(0).header("Retry-After")).isPresent();
        // another key of the tenant has a bucket of its own
        assertThat(api.get(tenant.path("/members"))
                        .bearer(key(tenant, "members:read"))
                        .send()
                        .status())
                .isEqualTo(200);

        Thread.sleep(500); // several flushes: none writes the first key's use again within the minute
        assertThat(keyNamed(tenant, used.path("id").asText()).path("lastUsedAt").asText())
                .isEqualTo(lastUsed);
    }

    private Tenant tenant() {
        String owner = uniqueUser("key-owner");
        String token = api.token(owner);
        String slug = uniqueSlug("keys");
        Api.Response created = api.post("/api/tenants")
                .bearer(token)
                .json(Map.of("name", "Keys " + slug, "slug", slug, "tier", "POOLED"))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();
        awaitRead("/api/tenants/" + id + "/members/" + owner, token, member -> true);
        return new Tenant(id, owner, token);
    }

    private String addMember(Tenant tenant, String role) {
        String userId = uniqueUser("key-" + role.toLowerCase());
        Api.Response added = api.post(tenant.path("/members"))
                .bearer(tenant.ownerToken())
                .json(Map.of("userId", userId, "role", role))
                .send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String token = api.token(userId);
        awaitRead(tenant.path("/members/" + userId), token, member -> true);
        return token;
    }

    private String key(Tenant tenant, String... scopes) {
        Api.Response created = api.post(tenant.path("/api-keys"))
                .bearer(tenant.ownerToken())
                .json(Map.of("name", "Key " + scopes.length, "scopes", List.of(scopes)))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("secret").asText();
    }

    private List<JsonNode> tenantKeys(Tenant tenant) {
        Api.Response listed =
                api.get(tenant.path("/api-keys")).bearer(tenant.ownerToken()).send();
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        List<JsonNode> keys = new ArrayList<>();
        listed.json().path("keys").forEach(keys::add);
        return keys;
    }

    private JsonNode keyNamed(Tenant tenant, String keyId) {
        return tenantKeys(tenant).stream()
                .filter(key -> key.path("id").asText().equals(keyId))
                .findFirst()
                .orElseThrow();
    }

    private String keyId(Tenant tenant, String secret) {
        return tenantKeys(tenant).stream()
                .filter(key -> secret.startsWith(key.path("shown").asText()))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asText();
    }
}
