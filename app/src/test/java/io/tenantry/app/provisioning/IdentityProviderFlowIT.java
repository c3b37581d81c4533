package io.tenantry.app.provisioning;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.Auth0Fake;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.ProvisioningOrchestrator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The identity provider in provisioning: a tenant whose settings name Auth0 is set up there (against the Auth0 fake)
 * before it turns ACTIVE, and removed from it when deleted; a provider failure fails the attempt; and
 * {@code POST /api/tenants/{id}/idp} sets a tenant up in the real test Keycloak by hand.
 */
class IdentityProviderFlowIT extends IntegrationTest {

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

    private String createTenant(String tier, Map<String, String> settings) {
        Api.Response created = api.post("/api/tenants")
                .bearer(owner)
                .json(Map.of(
                        "name",
                        "Identity Co",
                        "slug",
                        uniqueSlug("idp"),
                        "tier",
                        tier,
                        "settings",
                        settings,
                        "contacts",
                        List.of(Map.of(
                                "name", "Ada Lovelace", "email", uniqueUser("ada") + "@example.com", "primary", true))))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private String provisionAndAnswer(String tenantId, boolean success) {
        assertThat(api.post("/api/tenants/" + tenantId + "/provision")
                        .bearer(admin)
                        .send()
                        .status())
                .isEqualTo(202);
        String contextId =
                orchestrator.awaitRequest(tenantId, 1).path("contextId").asText();
        assertThat(orchestrator.answer(tenantId, success, 0, contextId).status())
                .isEqualTo(200);
        return contextId;
    }

    private String organizationName(String tenantId) {
        return "tenant-" + tenantId.toLowerCase();
    }

    @Test
    void aTenantOnAuth0IsSetUpThereBeforeItIsActiveAndRemovedWhenDeleted() {
        String tenantId = createTenant("POOLED", Map.of("identityProvider", "AUTH0"));
        provisionAndAnswer(tenantId, true);

        JsonNode active = awaitRead(
                "/api/tenants/" + tenantId,
                owner,
                body -> "ACTIVE".equals(body.path("status").asText()));
        assertThat(active.path("status").asText()).isEqualTo("ACTIVE");
        Auth0Fake.client()
                .verifyThat(postRequestedFor(urlPathEqualTo("/api/v2/organizations"))
                        .withRequestBody(equalToJson("{\"name\":\"" + organizationName(tenantId) + "\"}", true, true)));
        JsonNode history = api.get("/api/audit/tenants/" + tenantId + "/events?limit=100")
                .bearer(admin)
                .send()
                .json();
        assertThat(history.toString())
                .contains("TenantIdentityProviderConfiguredEvent")
                .contains("auth0|");

        assertThat(api.call("DELETE", "/api/tenants/" + tenantId)
                        .bearer(owner)
                        .send()
                        .status())
                .isEqualTo(204);
        JsonNode removal = orchestrator.awaitRequest(tenantId, 2);
        assertThat(removal.path("type").asInt())
                .as("the identity provider is cleaned up first, then the resources")
                .isEqualTo(1);
        Auth0Fake.client().verifyThat(deleteRequestedFor(urlPathMatching("/api/v2/organizations/org_.*")));
    }

    @Test
    void anIdentityProviderFailureFailsTheAttemptAndKeepsTheSubscriptionInactive() {
        String tenantId = createTenant("POOLED", Map.of("identityProvider", "AUTH0"));
        String name = organizationName(tenantId);
        WireMock auth0 = Auth0Fake.client();
        auth0.register(post(urlPathEqualTo("/api/v2/organizations"))
                .withRequestBody(equalToJson("{\"name\":\"" + name + "\"}", true, true))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Auth0Fake.errorJson(503, "Service Unavailable", "try later", "unavailable"))));
        provisionAndAnswer(tenantId, true);

        awaitRead(
                "/api/tenants/" + tenantId,
                owner,
                body -> "PROVISION_FAILED".equals(body.path("status").asText()));
        assertThat(api.get("/api/tenants/" + tenantId + "/subscription")
                        .bearer(owner)
                        .send()
                        .json()
                        .path("active")
                        .asBoolean())
                .isFalse();
        JsonNode history = api.get("/api/audit/tenants/" + tenantId + "/events?limit=100")
                .bearer(admin)
                .send()
                .json();
        assertThat(history.toString()).contains("identity provider");
    }

    @Test
    void setsATenantUpInKeycloakByHandAndAgainWithTheSameAdmin() {
        String tenantId = createTenant("SILOED", Map.of());
        Api.Response first = api.post("/api/tenants/" + tenantId + "/idp")
                .bearer(admin)
                .json(Map.of("identityProvider", "KEYCLOAK"))
                .send();
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        String authId = first.json().path("authId").asText();
        assertThat(authId).isNotBlank();
        assertThat(first.json().path("realm").asText()).isEqualTo(organizationName(tenantId));

        Api.Response again = api.post("/api/tenants/" + tenantId + "/idp")
                .bearer(admin)
                .json(Map.of("identityProvider", "keycloak"))
                .send();
        assertThat(again.json().path("authId").asText())
                .as("set up once, found again")
                .isEqualTo(authId);
    }

    @Test
    void refusesWhatCannotBeSetUp() {
        String tenantId = createTenant("POOLED", Map.of());
        assertProblem(
                api.post("/api/tenants/" + tenantId + "/idp")
                        .bearer(admin)
                        .json(Map.of("identityProvider", "OKTA"))
                        .send(),
                400,
                "unknown_identity_provider");
        assertProblem(
                api.post("/api/tenants/" + tenantId + "/idp")
                        .bearer(admin)
                        .json(Map.of())
                        .send(),
                400,
                "validation_failed");
        assertProblem(
                api.post("/api/tenants/" + tenantId + "/idp")
                        .bearer(owner)
                        .json(Map.of("identityProvider", "KEYCLOAK"))
                        .send(),
                403,
                "forbidden");
        assertProblem(
                api.post("/api/tenants/no-such-tenant/idp")
                        .bearer(admin)
                        .json(Map.of("identityProvider", "KEYCLOAK"))
                        .send(),
                404,
                "tenant_not_found");

        Api.Response bare = api.post("/api/tenants")
                .bearer(owner)
                .json(Map.of("name", "No Contact", "slug", uniqueSlug("bare"), "tier", "POOLED"))
                .send();
        assertProblem(
                api.post("/api/tenants/" + bare.json().path("id").asText() + "/idp")
                        .bearer(admin)
                        .json(Map.of("identityProvider", "AUTH0"))
                        .send(),
                409,
                "idp_admin_missing");
    }
}
