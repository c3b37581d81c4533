package io.tenantry.app.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.client.ScimService;
import io.tenantry.app.test.Api;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A tenant with a SCIM key, SCIM calls over HTTP as identity providers make them, and UnboundID's SCIM client. */
final class ScimSupport {

    static final String MEDIA_TYPE = "application/scim+json";

    private ScimSupport() {}

    /** A tenant on {@code plan} (its OWNER's token) and a key of it with the scope {@code scim}. */
    record Tenant(String id, String owner, String ownerToken, String key) {

        String path(String rest) {
            return "/api/tenants/" + id + rest;
        }
    }

    static Tenant tenant(Api api, String plan) {
        String owner = "scim-owner-" + UUID.randomUUID();
        String token = api.token(owner);
        String slug = "scim-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post("/api/tenants")
                .bearer(token)
                .json(Map.of("name", "SCIM " + slug, "slug", slug, "tier", "POOLED", "planId", plan))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();
        return new Tenant(id, owner, token, key(api, id, token, "scim"));
    }

    static String key(Api api, String tenantId, String token, String... scopes) {
        Api.Response key = api.post("/api/tenants/" + tenantId + "/api-keys")
                .bearer(token)
                .json(Map.of("name", "SCIM " + scopes.length, "scopes", List.of(scopes)))
                .send();
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        return key.json().path("secret").asText();
    }

    /** A SCIM call with a body, as {@code application/scim+json}. */
    static Api.Response send(Api api, String method, String path, String key, Object body) {
        Api.Call call = api.call(method, "/scim/v2" + path).bearer(key).header("Accept", MEDIA_TYPE);
        if (body instanceof String text) {
            call.json(text);
        } else if (body != null) {
            call.json(body);
        }
        if (body != null) {
            call.header("Content-Type", MEDIA_TYPE);
        }
        return call.send();
    }

    static Api.Response get(Api api, String path, String key) {
        return send(api, "GET", path, key, null);
    }

    /** Asserts a SCIM error (RFC 7644 section 3.12): its status, and its scimType when one is expected. */
    static JsonNode assertScimError(Api.Response response, int status, String scimType) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.header("Content-Type"))
                .as("content type of %s", response)
                .hasValueSatisfying(type -> assertThat(type).startsWith(MEDIA_TYPE));
        JsonNode error = response.json();
        assertThat(error.path("schemas").toString()).contains("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(error.path("status").asText()).isEqualTo(Integer.toString(status));
        assertThat(error.path("detail").asText()).isNotBlank();
        if (scimType != null) {
            assertThat(error.path("scimType").asText())
                    .as("scimType of %s", response)
                    .isEqualTo(scimType);
        }
        assertThat(response.body())
                .doesNotContainIgnoringCase("exception")
                .doesNotContain("io.tenantry.")
                .doesNotContain("java.");
        return error;
    }

    /** A fixture of {@code scim-fixtures/}, its {@code {placeholders}} filled in. */
    static String fixture(String name, Map<String, String> values) {
        try (InputStream in = ScimSupport.class.getResourceAsStream("/scim-fixtures/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("{" + value.getKey() + "}", value.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** UnboundID's SCIM client at the app's {@code /scim/v2}, with the key as its bearer token. */
    static ScimService client(int port, String key) {
        Client client = ClientBuilder.newClient().register((jakarta.ws.rs.client.ClientRequestFilter)
                request -> request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + key));
        return new ScimService(client.target("http://localhost:" + port + "/scim/v2"));
    }

    static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";
    }
}
