package io.tenantry.app.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.KeycloakServer;
import io.tenantry.app.test.TokenExchanges;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * A user signs in at a real Keycloak (the direct access grant of a public client), exchanges Keycloak's access token
 * for a tenant token, and calls Tenantry's API with it; Keycloak's own token is accepted by the API too (a trusted
 * issuer, verified with its JWKS).
 */
class KeycloakTokenExchangeIT extends IntegrationTest {

    private static final String CLIENT = "tenantry-cli";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aKeycloakUserExchangesItsTokenForATenantToken() throws Exception {
        String username = "kc-" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        String userId = createUser(username, password);
        String keycloakToken = signIn(username, password);
        assertThat(SignedJWT.parse(keycloakToken).getJWTClaimsSet().getIssuer())
                .isEqualTo(KeycloakServer.url() + "/realms/" + KeycloakServer.USERS_REALM);

        // the Keycloak user creates a tenant with its Keycloak token: Tenantry trusts that issuer
        String slug = uniqueSlug("keycloak");
        Api.Response created = api.post("/api/tenants")
                .bearer(keycloakToken)
                .json(Map.of("name", "Keycloak Co", "slug", slug, "tier", "POOLED"))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String tenantId = created.json().path("id").asText();

        String tenantToken = TokenExchanges.tenantToken(api, keycloakToken, "tenant:" + slug);
        var claims = SignedJWT.parse(tenantToken).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(userId);
        assertThat(claims.getStringClaim("role")).isEqualTo("OWNER");
        assertThat(claims.getAudience()).containsExactly("tenant:" + tenantId);

        // the tenant token reads the tenant once the membership read model has it (reads are eventual)
        JsonNode members = awaitRead("/api/tenants/" + tenantId + "/members", tenantToken, body -> true);
        assertThat(members.path("items").findValuesAsText("userId")).contains(userId);
    }

    /** A user of the users realm (made with its public client on first use), with a password and a verified e-mail. */
    private static String createUser(String username, String password) {
        try (Keycloak admin = Keycloak.getInstance(
                KeycloakServer.url(),
                "master",
                KeycloakServer.ADMIN_USERNAME,
                KeycloakServer.ADMIN_PASSWORD,
                "admin-cli")) {
            RealmResource realm = usersRealm(admin);
            UserRepresentation user = new UserRepresentation();
            user.setUsername(username);
            user.setEmail(username + "@example.com");
            user.setEmailVerified(true);
            user.setFirstName("Kay");
            user.setLastName("Cloak");
            user.setEnabled(true);
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(false);
            user.setCredentials(List.of(credential));
            try (Response response = realm.users().create(user)) {
                assertThat(response.getStatus()).isEqualTo(201);
                String location = response.getLocation().getPath();
                return location.substring(location.lastIndexOf('/') + 1);
            }
        }
    }

    private static synchronized RealmResource usersRealm(Keycloak admin) {
        boolean exists = admin.realms().findAll().stream()
                .anyMatch(realm -> KeycloakServer.USERS_REALM.equals(realm.getRealm()));
        if (!exists) {
            RealmRepresentation realm = new RealmRepresentation();
            realm.setRealm(KeycloakServer.USERS_REALM);
            realm.setEnabled(true);
            admin.realms().create(realm);
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(CLIENT);
            client.setPublicClient(true);
            client.setDirectAccessGrantsEnabled(true);
            client.setStandardFlowEnabled(false);
            client.setEnabled(true);
            try (Response response =
                    admin.realm(KeycloakServer.USERS_REALM).clients().create(client)) {
                assertThat(response.getStatus()).isEqualTo(201);
            }
        }
        return admin.realm(KeycloakServer.USERS_REALM);
    }

    /** The direct access grant: Keycloak's access token for the user. */
    private static String signIn(String username, String password) throws Exception {
        String form = Map.of(
                        "grant_type", "password",
                        "client_id", CLIENT,
                        "username", username,
                        "password", password,
                        "scope", "openid")
                .entrySet()
                .stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(KeycloakServer.url() + "/realms/" + KeycloakServer.USERS_REALM
                                        + "/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode token = JSON.readTree(response.body());
        return token.path("access_token").asText();
    }
}
