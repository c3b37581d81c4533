package io.tenantry.app.idp;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tenantry.app.test.Auth0Fake.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tenantry.app.test.Auth0Fake;
import io.tenantry.command.idp.IdentityProvider;
import io.tenantry.command.idp.IdentityProviderException;
import io.tenantry.command.idp.IdpSetup;
import io.tenantry.contracts.idp.IdentityAccount;
import io.tenantry.contracts.idp.IdentityProviderKind;
import io.tenantry.contracts.tenant.TenantTier;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The Auth0 adapter, with the real auth0-java client, against {@link Auth0Fake}: what it sends for each tier, how it
 * reuses what a 409 says exists, what it deletes, and how Auth0's failures reach the caller. Each test has its own
 * tenant and its own client id, so its requests are told apart from every other test's.
 */
@ExtendWith(OutputCaptureExtension.class)
class Auth0IdentityProviderTest {

    private static final String APP_CLIENT = "tenant-app-client";
    private final WireMock auth0 = Auth0Fake.client();
    private final String clientId = "m2m-" + UUID.randomUUID();
    private final IdentityProvider provider = adapter(clientId, Auth0Fake.CLIENT_SECRET);

    @Test
    void aPooledTenantGetsAnOrganizationOnTheSharedConnectionAndAnAdminWhoSetsTheirOwnPassword(CapturedOutput output) {
        IdpSetup setup = setup(TenantTier.POOLED, "Jane.Doe@acme.example");
        String name = "tenant-" + setup.tenantId();
        auth0.register(post(urlPathEqualTo("/api/v2/organizations"))
                .withRequestBody(matchingJsonPath("$.name", equalTo(name)))
                .willReturn(json(201, "{\"id\":\"org_pooled1\",\"name\":\"" + name + "\"}")));
        auth0.register(post(urlPathEqualTo("/api/v2/users"))
                .withRequestBody(matchingJsonPath("$.email", equalTo("Jane.Doe@acme.example")))
                .willReturn(json(
                        201,
                        Auth0Fake.userJson(
                                "auth0|pooledadmin1", "jane.doe@acme.example", false, Auth0Fake.POOLED_CONNECTION))));

        IdentityAccount account = provider.configure(setup);

        assertThat(account)
                .isEqualTo(new IdentityAccount(
                        IdentityProviderKind.AUTH0,
                        Auth0Fake.POOLED_CONNECTION,
                        "org_pooled1",
                        APP_CLIENT,
                        "auth0|pooledadmin1"));
        auth0.verifyThat(1, postRequestedFor(urlPathEqualTo("/oauth/token")).withRequestBody(equalToJson("""
                {"client_id":"%s","client_secret":"%s","audience":"%s/api/v2/","grant_type":"client_credentials"}""".formatted(
                        clientId, Auth0Fake.CLIENT_SECRET, Auth0Fake.baseUrl()))));
        auth0.verifyThat(postRequestedFor(urlPathEqualTo("/api/v2/organizations"))
                .withHeader("Authorization", WireMock.matching("Bearer eyJ\\.fake\\..+"))
                .withRequestBody(
                        equalToJson("{\"name\":\"" + name + "\",\"display_name\":\"" + setup.tenantName() + "\"}")));
        auth0.verifyThat(postRequestedFor(urlPathEqualTo("/api/v2/organizations/org_pooled1/enabled_connections"))
                .withRequestBody(equalToJson("{\"connection_id\":\"" + Auth0Fake.POOLED_CONNECTION_ID
                        + "\",\"assign_membership_on_login\":false}")));
        LoggedRequest user = onlyRequest(postRequestedFor(urlPathEqualTo("/api/v2/users"))
                .withRequestBody(matchingJsonPath("$.email", equalTo("Jane.Doe@acme.example"))));
        assertThat(user.getBodyAsString())
                .contains(
                        "\"connection\":\"" + Auth0Fake.POOLED_CONNECTION + "\"",
                        "\"given_name\":\"Jane\"",
                        "\"family_name\":\"Doe\"",
                        "\"name\":\"Jane Doe\"",
                        "\"email_verified\":false",
                        "\"verify_email\":false");
        String password = field(user.getBodyAsString(), "password");
        assertThat(password)
                .hasSize(48)
                .matches(".*[a-z].*")
                .matches(".*[A-Z].*")
                .matches(".*[0-9].*");
        assertThat(output.getAll()).doesNotContain(password).doesNotContain("Jane.Doe@acme.example");
        auth0.verifyThat(postRequestedFor(urlPathEqualTo("/api/v2/organizations/org_pooled1/members"))
                .withRequestBody(equalToJson("{\"members\":[\"auth0|pooledadmin1\"]}")));
        auth0.verifyThat(postRequestedFor(urlPathEqualTo("/dbconnections/change_password"))
                .withRequestBody(equalToJson("""
                {"client_id":"%s","email":"Jane.Doe@acme.example","connection":"%s","organization":"org_pooled1"}""".formatted(APP_CLIENT, Auth0Fake.POOLED_CONNECTION))));
        auth0.verifyThat(
                0,
                postRequestedFor(urlPathEqualTo("/api/v2/connections"))
                        .withRequestBody(matchingJsonPath("$.name", equalTo(name))));
    }

    @Test
    void aSiloedTenantGetsAConnectionOfItsOwnOpenToTheApplication() {
        IdpSetup setup = setup(TenantTier.SILOED, "owner@silo.example");
        String name = "tenant-" + setup.tenantId();
        auth0.register(post(urlPathEqualTo("/api/v2/connections"))
                .withRequestBody(matchingJsonPath("$.name", equalTo(name)))
                .willReturn(json(201, "{\"id\":\"con_silo1\",\"name\":\"" + name + "\",\"strategy\":\"auth0\"}")));

        IdentityAccount account = provider.configure(setup);

        assertThat(account.realm()).isEqualTo(name);
        assertThat(account.organizationId()).startsWith("org_");
        assertThat(account.authId()).startsWith("auth0|");
        auth0.verifyThat(postRequestedFor(urlPathEqualTo("/api/v2/connections"))
                .withRequestBody(equalToJson("""
                {"name":"%s","strategy":"auth0","display_name":"%s","enabled_clients":["%s"]}""".formatted(name, setup.tenantName(), APP_CLIENT))));
        auth0.verifyThat(postRequestedFor(
                        urlPathEqualTo("/api/v2/organizations/" + account.organizationId() + "/enabled_connections"))
                .withRequestBody(matchingJsonPath("$.connection_id", equalTo("con_silo1"))));
        auth0.verifyThat(postRequestedFor(urlPathEqualTo("/api/v2/users"))
                .withRequestBody(matchingJsonPath("$.email", equalTo("owner@silo.example")))
                .withRequestBody(matchingJsonPath("$.connection", equalTo(name))));
        auth0.verifyThat(postRequestedFor(urlPathEqualTo("/dbconnections/change_password"))
                .withRequestBody(matchingJsonPath("$.connection", equalTo(name))));
    }

    @Test
    void configuringASiloedTenantAgainReusesWhatA409SaysExists() {
        IdpSetup setup = setup(TenantTier.SILOED, "again@silo.example");
        String name = "tenant-" + setup.tenantId();
        conflictOn("/api/v2/connections", name, "A connection with the same name already exists", "connection_exists");
        conflictOn("/api/v2/organizations", name, "An organization with this name already exists.", "already_exists");
        auth0.register(post(urlPathEqualTo("/api/v2/organizations/org_" + name + "/enabled_connections"))
                .willReturn(json(409, Auth0Fake.errorJson(409, "Conflict", "Connection already enabled", "conflict"))));
        auth0.register(post(urlPathEqualTo("/api/v2/users"))
                .withRequestBody(matchingJsonPath("$.connection", equalTo(name)))
                .willReturn(json(
                        409, Auth0Fake.errorJson(409, "Conflict", "The user already exists.", "auth0_idp_error"))));
        auth0.register(WireMock.get(urlPathEqualTo("/api/v2/users-by-email"))
                .withQueryParam("email", equalTo("again@silo.example"))
                .willReturn(json(
                        200,
                        "[" + Auth0Fake.userJson("auth0|elsewhere", "again@silo.example", true, "other-connection")
                                + "," + Auth0Fake.userJson("auth0|existing1", "again@silo.example", true, name)
                                + "]")));

        IdentityAccount first = provider.configure(setup);
        IdentityAccount second = provider.configure(setup);

        assertThat(second).isEqualTo(first);
        assertThat(first)
                .isEqualTo(new IdentityAccount(
                        IdentityProviderKind.AUTH0, name, "org_" + name, APP_CLIENT, "auth0|existing1"));
        auth0.verifyThat(
                2, getRequestedFor(urlPathEqualTo("/api/v2/connections")).withQueryParam("name", equalTo(name)));
        auth0.verifyThat(2, getRequestedFor(urlPathEqualTo("/api/v2/organizations/name/" + name)));
        auth0.verifyThat(postRequestedFor(urlPathEqualTo("/api/v2/organizations/org_" + name + "/enabled_connections"))
                .withRequestBody(matchingJsonPath("$.connection_id", equalTo("con_" + name))));
        auth0.verifyThat(
                2,
                postRequestedFor(urlPathEqualTo("/api/v2/organizations/org_" + name + "/members"))
                        .withRequestBody(equalToJson("{\"members\":[\"auth0|existing1\"]}")));
        // verified already: the admin has a password of their own and gets no mail
        auth0.verifyThat(
                0,
                postRequestedFor(urlPathEqualTo("/dbconnections/change_password"))
                        .withRequestBody(matchingJsonPath("$.connection", equalTo(name))));
    }

    @Test
    void anAdminFoundStillUnverifiedGetsTheSetPasswordMailAgain() {
        IdpSetup setup = setup(TenantTier.POOLED, "retry@pooled.example");
        auth0.register(post(urlPathEqualTo("/api/v2/users"))
                .withRequestBody(matchingJsonPath("$.email", equalTo("retry@pooled.example")))
                .willReturn(json(
                        409, Auth0Fake.errorJson(409, "Conflict", "The user already exists.", "auth0_idp_error"))));
        auth0.register(WireMock.get(urlPathEqualTo("/api/v2/users-by-email"))
                .withQueryParam("email", equalTo("retry@pooled.example"))
                .willReturn(json(
                        200,
                        "["
                                + Auth0Fake.userJson(
                                        "auth0|unverified1", "retry@pooled.example", false, Auth0Fake.POOLED_CONNECTION)
                                + "]")));

        IdentityAccount account = provider.configure(setup);

        assertThat(account.authId()).isEqualTo("auth0|unverified1");
        auth0.verifyThat(
                1,
                postRequestedFor(urlPathEqualTo("/dbconnections/change_password"))
                        .withRequestBody(matchingJsonPath("$.email", equalTo("retry@pooled.example"))));
    }

    @Test
    void removingAPooledTenantDeletesItsOrganizationAndItsAdminUnlessAnotherOrganizationHasThem() {
        IdpSetup alone = setup(TenantTier.POOLED, "alone@pooled.example");
        IdpSetup shared = setup(TenantTier.POOLED, "shared@pooled.example");
        auth0.register(WireMock.get(urlPathEqualTo("/api/v2/users/auth0%7Cshared1/organizations"))
                .willReturn(json(200, """
                {"start":0,"limit":50,"total":1,"organizations":[{"id":"org_other","name":"tenant-other"}]}""")));

        provider.remove(
                alone,
                new IdentityAccount(
                        IdentityProviderKind.AUTH0,
                        Auth0Fake.POOLED_CONNECTION,
                        "org_alone1",
                        APP_CLIENT,
                        "auth0|alone1"));
        provider.remove(
                shared,
                new IdentityAccount(
                        IdentityProviderKind.AUTH0,
                        Auth0Fake.POOLED_CONNECTION,
                        "org_shared1",
                        APP_CLIENT,
                        "auth0|shared1"));

        auth0.verifyThat(1, deleteRequestedFor(urlPathEqualTo("/api/v2/organizations/org_alone1")));
        auth0.verifyThat(1, deleteRequestedFor(urlPathEqualTo("/api/v2/users/auth0%7Calone1")));
        auth0.verifyThat(1, deleteRequestedFor(urlPathEqualTo("/api/v2/organizations/org_shared1")));
        auth0.verifyThat(0, deleteRequestedFor(urlPathEqualTo("/api/v2/users/auth0%7Cshared1")));
        auth0.verifyThat(
                0, deleteRequestedFor(urlPathEqualTo("/api/v2/connections/con_" + Auth0Fake.POOLED_CONNECTION)));
    }

    @Test
    void removingASiloedTenantDeletesItsOrganizationUserAndConnectionAndWhatIsGoneIsFine() {
        IdpSetup setup = setup(TenantTier.SILOED, "gone@silo.example");
        String name = "tenant-" + setup.tenantId();
        IdentityAccount account =
                new IdentityAccount(IdentityProviderKind.AUTH0, name, "org_silo9", APP_CLIENT, "auth0|silo9");

        provider.remove(setup, account);
        auth0.register(WireMock.delete(urlPathEqualTo("/api/v2/organizations/org_silo9"))
                .willReturn(json(
                        404,
                        Auth0Fake.errorJson(
                                404, "Not Found", "No organization found by that id", "inexistent_organization"))));
        auth0.register(WireMock.delete(urlPathEqualTo("/api/v2/users/auth0%7Csilo9"))
                .willReturn(json(404, Auth0Fake.errorJson(404, "Not Found", "User not found", "inexistent_user"))));
        auth0.register(WireMock.get(urlPathEqualTo("/api/v2/connections"))
                .withQueryParam("name", equalTo(name))
                .willReturn(json(200, "{\"connections\":[]}")));
        assertThatCode(() -> provider.remove(setup, account)).doesNotThrowAnyException();

        auth0.verifyThat(2, deleteRequestedFor(urlPathEqualTo("/api/v2/organizations/org_silo9")));
        auth0.verifyThat(2, deleteRequestedFor(urlPathEqualTo("/api/v2/users/auth0%7Csilo9")));
        auth0.verifyThat(1, deleteRequestedFor(urlPathEqualTo("/api/v2/connections/con_" + name)));
    }

    @Test
    void aServerErrorIsAnIdentityProviderErrorThatSaysWhatFailed() {
        IdpSetup setup = setup(TenantTier.POOLED, "outage@pooled.example");
        String name = "tenant-" + setup.tenantId();
        auth0.register(post(urlPathEqualTo("/api/v2/organizations"))
                .withRequestBody(matchingJsonPath("$.name", equalTo(name)))
                .willReturn(json(503, Auth0Fake.errorJson(503, "Service Unavailable", "try later", "unavailable"))));

        assertThatThrownBy(() -> provider.configure(setup))
                .isInstanceOfSatisfying(
                        IdentityProviderException.class,
                        e -> assertThat(e.provider()).isEqualTo(IdentityProviderKind.AUTH0))
                .hasMessage("Auth0 at " + Auth0Fake.baseUrl() + " answered HTTP 503 when asked to find or create "
                        + "organization " + name + " of tenant " + setup.tenantId());
        auth0.verifyThat(
                0,
                postRequestedFor(urlPathEqualTo("/api/v2/users"))
                        .withRequestBody(matchingJsonPath("$.email", equalTo("outage@pooled.example"))));
    }

    @Test
    void refusedClientCredentialsAreAnIdentityProviderErrorWithoutTheSecret() {
        String refusedClient = "m2m-refused-" + UUID.randomUUID();
        auth0.register(post(urlPathEqualTo("/oauth/token"))
                .withRequestBody(matchingJsonPath("$.client_id", equalTo(refusedClient)))
                .willReturn(json(401, "{\"error\":\"access_denied\",\"error_description\":\"Unauthorized\"}")));
        IdpSetup setup = setup(TenantTier.POOLED, "nobody@pooled.example");

        assertThatThrownBy(() -> adapter(refusedClient, "wrong-secret").configure(setup))
                .isInstanceOf(IdentityProviderException.class)
                .hasMessageContaining("did not give Tenantry a Management API token (client " + refusedClient)
                .hasMessageContaining("HTTP 401")
                .hasMessageNotContaining("wrong-secret")
                .hasMessageNotContaining("nobody@pooled.example");
    }

    @Test
    void anUnreachableAuth0IsAnIdentityProviderErrorThatSaysWhere() {
        String closed = "http://127.0.0.1:" + closedPort();
        IdentityProvider unreachable = IdentityProviderConfiguration.auth0(properties(closed, clientId, "secret"));

        assertThatThrownBy(() -> unreachable.configure(setup(TenantTier.POOLED, "nobody@pooled.example")))
                .isInstanceOf(IdentityProviderException.class)
                .hasMessageStartingWith("Auth0 at " + closed + " did not give Tenantry a Management API token")
                .hasMessageNotContaining("nobody@pooled.example");
    }

    private void conflictOn(String path, String name, String message, String code) {
        auth0.register(post(urlPathEqualTo(path))
                .withRequestBody(matchingJsonPath("$.name", equalTo(name)))
                .willReturn(json(409, Auth0Fake.errorJson(409, "Conflict", message, code))));
    }

    private LoggedRequest onlyRequest(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern) {
        List<LoggedRequest> requests = auth0.find(pattern);
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static String field(String json, String name) {
        try {
            return new ObjectMapper().readTree(json).get(name).asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static IdentityProvider adapter(String clientId, String secret) {
        return IdentityProviderConfiguration.auth0(properties(Auth0Fake.baseUrl(), clientId, secret));
    }

    private static IdentityProviderProperties.Auth0 properties(String baseUrl, String clientId, String secret) {
        return new IdentityProviderProperties.Auth0(
                null,
                baseUrl,
                clientId,
                secret,
                null,
                APP_CLIENT,
                null,
                Duration.ofSeconds(2),
                Duration.ofSeconds(3),
                0,
                null);
    }

    private static IdpSetup setup(TenantTier tier, String email) {
        String tenantId = UUID.randomUUID().toString();
        return new IdpSetup(
                tenantId, "acme", "Acme " + tenantId.substring(0, 6), tier, new IdpSetup.Admin(email, "Jane", "Doe"));
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
