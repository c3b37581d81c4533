package io.tenantry.app.domains;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.ChallengeServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Tenants with e-mail domains, verified through the test DNS server, for the domain tests. */
final class DomainSupport {

    private DomainSupport() {}

    /** A domain no other test uses, under example.com (the test HTTPS server's certificate covers those). */
    static String uniqueDomain(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
    }

    static String createTenant(Api api, String ownerToken, String planId) {
        String slug = "domains-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body =
                new java.util.LinkedHashMap<>(Map.of("name", "Domains Co " + slug, "slug", slug, "tier", "POOLED"));
        if (planId != null) {
            body.put("planId", planId);
        }
        Api.Response created =
                api.post("/api/tenants").bearer(ownerToken).json(body).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    /** Adds the domain; answers the 201's body (PENDING, with the challenge). */
    static JsonNode add(Api api, String token, String tenantId, String domain) {
        Api.Response added = api.post("/api/tenants/" + tenantId + "/domains")
                .bearer(token)
                .json(Map.of("domain", domain))
                .send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.json();
    }

    static Api.Response verify(Api api, String token, String tenantId, String domain, String method) {
        Api.Call call = api.post("/api/tenants/" + tenantId + "/domains/" + domain + "/verify")
                .bearer(token);
        return method == null
                ? call.send()
                : call.json(Map.of("method", method)).send();
    }

    /** Adds a fresh domain, publishes its challenge in DNS and verifies it; answers the domain. */
    static String verifiedDomain(Api api, String token, String tenantId, String prefix) {
        String domain = uniqueDomain(prefix);
        JsonNode added = add(api, token, tenantId, domain);
        ChallengeServers.publishTxt(
                domain, added.path("challenge").path("value").asText());
        Api.Response verified = verify(api, token, tenantId, domain, "DNS");
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().path("status").asText()).isEqualTo("VERIFIED");
        return domain;
    }

    static Api.Response joinPolicy(Api api, String token, String tenantId, String domain, String policy, String role) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("policy", policy));
        if (role != null) {
            body.put("defaultRole", role);
        }
        return api.call("PUT", "/api/tenants/" + tenantId + "/domains/" + domain + "/join-policy")
                .bearer(token)
                .json(body)
                .send();
    }

    /** The tenant's history from the event store: the event types, in order. */
    static List<String> history(Api api, String admin, String tenantId) {
        Api.Response response = api.get("/api/audit/tenants/" + tenantId + "/events?limit=500")
                .bearer(admin)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        response.json()
                .path("items")
                .forEach(event -> types.add(event.path("type").asText()));
        return types;
    }
}
