package io.tenantry.app.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** Tenants for the usage tests, and their records: each test makes its own. */
final class UsageTenants {

    private final Api api;

    UsageTenants(Api api) {
        this.api = api;
    }

    /** A tenant and its owner. */
    record Tenant(String id, String ownerId, String ownerToken) {

        String usage() {
            return "/api/tenants/" + id + "/usage";
        }
    }

    /** A POOLED tenant on {@code planId} (the default plan for null), readable by its owner once this returns. */
    Tenant create(String planId) {
        String owner = "usage-owner-" + UUID.randomUUID();
        String token = api.token(owner);
        String slug = "usage-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "Usage " + slug, "slug", slug, "tier", "POOLED"));
        if (planId != null) {
            body.put("planId", planId);
        }
        Api.Response created = api.post("/api/tenants").bearer(token).json(body).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();
        awaitRead("/api/tenants/" + id + "/members/" + owner, token, member -> true);
        if (planId != null) {
            awaitRead(
                    "/api/tenants/" + id,
                    token,
                    tenant -> planId.equals(tenant.path("planId").asText()));
        }
        return new Tenant(id, owner, token);
    }

    /** Adds {@code userId} with {@code role} and waits until the membership is read. */
    String addMember(Tenant tenant, String role) {
        String userId = "usage-" + role.toLowerCase() + "-" + UUID.randomUUID();
        Api.Response added = api.post("/api/tenants/" + tenant.id() + "/members")
                .bearer(tenant.ownerToken())
                .json(Map.of("userId", userId, "role", role))
                .send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        awaitRead("/api/tenants/" + tenant.id() + "/members/" + userId, tenant.ownerToken(), member -> true);
        return api.token(userId);
    }

    JsonNode awaitRead(String path, String token, Predicate<JsonNode> condition) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> {
                            Api.Response response = api.get(path).bearer(token).send();
                            return response.status() == 200 ? response.json() : null;
                        },
                        body -> body != null && condition.test(body));
    }

    /** One record of a tenant's batch. */
    static Map<String, Object> record(String id, String key, long quantity, Instant at) {
        return Map.of("id", id, "key", key, "quantity", quantity, "timestamp", at.toString());
    }

    /** One record of a many-tenant batch. */
    static Map<String, Object> record(String tenantId, String id, String key, long quantity, Instant at) {
        Map<String, Object> record = new LinkedHashMap<>(record(id, key, quantity, at));
        record.put("tenantId", tenantId);
        return record;
    }

    static Map<String, Object> batch(List<Map<String, Object>> records) {
        return Map.of("records", new ArrayList<>(records));
    }

    /** The tenant's counters as {@code GET .../usage} reads them: "key/day" to quantity. */
    Map<String, Long> counters(Tenant tenant, String query) {
        Api.Response read =
                api.get(tenant.usage() + query).bearer(tenant.ownerToken()).send();
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        Map<String, Long> counters = new LinkedHashMap<>();
        read.json()
                .path("days")
                .forEach(day -> counters.put(
                        day.path("key").asText() + "/" + day.path("day").asText(),
                        day.path("quantity").asLong()));
        return counters;
    }
}
