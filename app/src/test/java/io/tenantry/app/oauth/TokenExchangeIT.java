package io.tenantry.app.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.TokenTypeURI;
import com.nimbusds.oauth2.sdk.token.TypelessAccessToken;
import com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant;
import io.tenantry.app.lifecycle.LifecycleFeedReader;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.ProvisioningOrchestrator;
import io.tenantry.app.test.TokenExchanges;
import io.tenantry.app.token.TokenCommand;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The token exchange as clients use it: the Nimbus OAuth 2.0 SDK sends the RFC 8693 request and parses the answer; the
 * token is verified through the JWKS endpoint with Nimbus' remote key source, as a resource server would; Tenantry's
 * own API takes it. Then every refusal, in OAuth's error format, and impersonation with its audit trail.
 */
class TokenExchangeIT extends IntegrationTest {

    private static final String ACCESS_TOKEN = TokenExchanges.ACCESS_TOKEN;

    private String ownerId;
    private String owner;
    private String tenantId;
    private String slug;

    @BeforeEach
    void tenant() {
        ownerId = uniqueUser("owner");
        owner = api.token(ownerId);
        slug = uniqueSlug("tokens");
        tenantId = createTenant(owner, slug);
    }

    @Test
    void aClientLibraryExchangesAndAResourceServerVerifiesThroughTheJwks() throws Exception {
        String teamId = api.post("/api/tenants/" + tenantId + "/teams")
                .bearer(owner)
                .json(Map.of("name", "Platform"))
                .send()
                .json()
                .path("teamId")
                .asText();
        assertThat(api.post("/api/tenants/" + tenantId + "/teams/" + teamId + "/members")
                        .bearer(owner)
                        .json(Map.of("userId", ownerId, "role", "LEAD"))
                        .send()
                        .status())
                .isEqualTo(201);

        TokenRequest request = new TokenRequest.Builder(
                        URI.create("http://localhost:" + port + "/oauth2/token"),
                        new TokenExchangeGrant(
                                new TypelessAccessToken(owner),
                                TokenTypeURI.ACCESS_TOKEN,
                                null,
                                null,
                                null,
                                List.of(new Audience("tenant:" + slug))))
                .build();
        TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());
        assertThat(response.indicatesSuccess()).as(String.valueOf(response)).isTrue();
        AccessTokenResponse success = response.toSuccessResponse();
        BearerAccessToken token = success.getTokens().getBearerAccessToken();
        assertThat(token.getIssuedTokenType()).isEqualTo(TokenTypeURI.ACCESS_TOKEN);
        assertThat(token.getLifetime()).isBetween(290L, 300L);

        JWTClaimsSet claims = verifyThroughJwks(token.getValue(), "tenant:" + tenantId);
        assertThat(claims.getSubject()).isEqualTo(ownerId);
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getExpirationTime().toInstant())
                .isBefore(Instant.now().plusSeconds(301));
        assertThat(claims.getJSONObjectClaim("tenant"))
                .containsEntry("id", tenantId)
                .containsEntry("slug", slug)
                .containsEntry("tier", "POOLED")
                .containsEntry("status", "PENDING_PROVISION");
        assertThat(claims.getStringClaim("role")).isEqualTo("OWNER");
        assertThat(claims.getStringClaim("plan")).isEqualTo("free");
        assertThat(claims.getListClaim("teams")).containsExactly(Map.of("id", teamId, "role", "LEAD"));
        assertThat(claims.getClaim("act")).isNull();

        // Tenantry's own API takes it as it takes the identity provider's
        JsonNode read = awaitRead("/api/tenants/" + tenantId, token.getValue(), body -> true);
        assertThat(read.path("slug").asText()).isEqualTo(slug);

        // in its own tenant only: the same user's other tenant refuses it
        String otherTenant = createTenant(owner, uniqueSlug("other"));
        Api.Response elsewhere =
                api.get("/api/tenants/" + otherTenant).bearer(token.getValue()).send();
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(403);
        assertThat(elsewhere.json().path("code").asText()).isEqualTo("wrong_tenant");
        awaitRead("/api/tenants/" + otherTenant, owner, body -> true); // the identity provider's token may
        // a scope asked for is the token's scope (the development token has none of its own to narrow)
        Map<String, String> scoped = exchange(owner, "tenant:" + slug);
        scoped.put("scope", "members:read billing:read");
        Api.Response narrowed = post(scoped);
        assertThat(narrowed.status()).as(narrowed.toString()).isEqualTo(200);
        assertThat(narrowed.json().path("scope").asText()).isEqualTo("members:read billing:read");
        assertThat(SignedJWT.parse(narrowed.json().path("access_token").asText())
                        .getJWTClaimsSet()
                        .getStringClaim("scope"))
                .isEqualTo("members:read billing:read");

        // by id as well as by slug, and as resource instead of audience
        Map<String, String> byId = exchange(owner, "tenant:" + tenantId);
        byId.remove("audience");
        byId.put("resource", "tenant:" + tenantId);
        assertThat(post(byId).status()).isEqualTo(200);
    }

    @Test
    void neverOutlivesTheSubjectToken() throws Exception {
        String shortLived =
                TokenCommand.sign(dataDir(), ownerId, List.of(), List.of(), Duration.ofMinutes(2), null, null);
        Api.Response answer = post(exchange(shortLived, "tenant:" + slug));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("expires_in").asLong()).isBetween(100L, 120L);
        assertThat(answer.header("Cache-Control")).hasValue("no-store");
    }

    @Test
    void refusesInOAuthsOwnFormat() throws Exception {
        String stranger = api.token(uniqueUser("stranger"));
        refused(post(exchange(stranger, "tenant:" + slug)), 400, "invalid_target");
        refused(post(exchange(owner, "tenant:no-such-" + slug)), 400, "invalid_target");
        refused(post(exchange(owner, "acme")), 400, "invalid_target");

        String expired =
                TokenCommand.sign(dataDir(), ownerId, List.of(), List.of(), Duration.ofMinutes(-5), null, null);
        refused(post(exchange(expired, "tenant:" + slug)), 400, "invalid_grant");
        refused(post(exchange(untrusted(ownerId), "tenant:" + slug)), 400, "invalid_grant");
        String unsigned = new PlainJWT(new JWTClaimsSet.Builder()
                        .subject(ownerId)
                        .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                        .build())
                .serialize();
        refused(post(exchange(unsigned, "tenant:" + slug)), 400, "invalid_grant");
        refused(post(exchange("not a token", "tenant:" + slug)), 400, "invalid_grant");
        // expired half a minute ago: within the verifier's clock-skew allowance, still no token to issue
        String justExpired =
                TokenCommand.sign(dataDir(), ownerId, List.of(), List.of(), Duration.ofSeconds(-30), null, null);
        refused(post(exchange(justExpired, "tenant:" + slug)), 400, "invalid_grant");

        Map<String, String> password = exchange(owner, "tenant:" + slug);
        password.put("grant_type", "password");
        refused(post(password), 400, "unsupported_grant_type");
        Map<String, String> noAudience = exchange(owner, "tenant:" + slug);
        noAudience.remove("audience");
        refused(post(noAudience), 400, "invalid_request");
        Map<String, String> noSubject = exchange(owner, "tenant:" + slug);
        noSubject.remove("subject_token");
        refused(post(noSubject), 400, "invalid_request");
        Map<String, String> badType = exchange(owner, "tenant:" + slug);
        badType.put("subject_token_type", "urn:ietf:params:oauth:token-type:saml2");
        refused(post(badType), 400, "invalid_request");
        refused(
                api.post("/oauth2/token")
                        .json(exchange(owner, "tenant:" + slug))
                        .send(),
                400,
                "invalid_request");

        // a tenant token is no subject token: its holder asks the identity provider's
        String tenantToken = post(exchange(owner, "tenant:" + slug))
                .json()
                .path("access_token")
                .asText();
        refused(post(exchange(tenantToken, "tenant:" + slug)), 400, "invalid_grant");
    }

    @Test
    void aRemovedMemberGetsNoTokenOnceTheRemovalIsAcknowledged() {
        String memberId = uniqueUser("member");
        String member = api.token(memberId);
        addMember(memberId, "MEMBER");
        Api.Response granted = post(exchange(member, "tenant:" + slug));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);

        assertThat(api.call("DELETE", "/api/tenants/" + tenantId + "/members/" + memberId)
                        .bearer(owner)
                        .send()
                        .status())
                .isEqualTo(204);
        // at once: the tenant decides on its own membership, not on a read model that may lag
        refused(post(exchange(member, "tenant:" + slug)), 400, "invalid_target");
    }

    @Test
    void aSuspendedOrDeletedTenantGivesNoToken() throws Exception {
        String admin = partnerAdmin();
        ProvisioningOrchestrator orchestrator =
                new ProvisioningOrchestrator(api, environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
        assertThat(api.post("/api/tenants/" + tenantId + "/provision")
                        .bearer(admin)
                        .send()
                        .status())
                .isEqualTo(202);
        orchestrator.answer(
                tenantId,
                true,
                0,
                orchestrator.awaitRequest(tenantId, 1).path("contextId").asText());
        awaitRead(
                "/api/tenants/" + tenantId,
                owner,
                body -> "ACTIVE".equals(body.path("status").asText()));
        assertThat(post(exchange(owner, "tenant:" + slug)).status()).isEqualTo(200);

        assertThat(api.post("/api/tenants/" + tenantId + "/suspend")
                        .bearer(admin)
                        .json(Map.of("reason", "unpaid"))
                        .send()
                        .status())
                .isEqualTo(200);
        refused(post(exchange(owner, "tenant:" + tenantId)), 400, "invalid_target");

        String otherSlug = uniqueSlug("deleted");
        String other = createTenant(owner, otherSlug);
        assertThat(post(exchange(owner, "tenant:" + otherSlug)).status()).isEqualTo(200);
        assertThat(api.call("DELETE", "/api/tenants/" + other)
                        .bearer(owner)
                        .send()
                        .status())
                .isEqualTo(204);
        refused(post(exchange(owner, "tenant:" + other)), 400, "invalid_target");
        refused(post(exchange(owner, "tenant:" + otherSlug)), 400, "invalid_target");

        // the slug freed and taken by a new tenant: a token for the new one, never for the one that had it
        String successor = createTenant(owner, otherSlug);
        Api.Response renamed = post(exchange(owner, "tenant:" + otherSlug));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(tenantOf(renamed.json().path("access_token").asText())).isEqualTo(successor);
    }

    @Test
    void exchangesAreRateLimitedPerSubject() {
        String busyId = uniqueUser("busy");
        String busy = api.token(busyId);
        addMember(busyId, "MEMBER");
        int granted = 0;
        Api.Response last = null;
        for (int i = 0; i < 61; i++) {
            last = post(exchange(busy, "tenant:" + slug));
            if (last.status() == 200) {
                granted++;
            }
        }
        assertThat(granted).isEqualTo(60);
        refused(last, 429, "slow_down");
        assertThat(last.header("Retry-After")).isPresent();
        // another subject is not held up
        assertThat(post(exchange(owner, "tenant:" + slug)).status()).isEqualTo(200);
    }

    @Test
    void aPartnerAdminActsAsAMemberWithAReasonOnRecord() throws Exception {
        String adminId = uniqueUser("support");
        String support = api.token(adminId, List.of("partner-admin"), List.of(TokenExchange.IMPERSONATE));
        long feedBefore = LifecycleFeedReader.read(api, support, 0).size();

        Map<String, String> request = exchange(owner, "tenant:" + slug);
        request.put("actor_token", support);
        request.put("actor_token_type", ACCESS_TOKEN);
        refused(post(request), 400, "invalid_request"); // no reason
        request.put("reason", "ticket 4711: the owner cannot see their invoices");
        Api.Response answer = post(request);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("expires_in").asLong()).isBetween(890L, 900L);
        String impersonated = answer.json().path("access_token").asText();
        JWTClaimsSet claims = verifyThroughJwks(impersonated, "tenant:" + tenantId);
        assertThat(claims.getSubject()).isEqualTo(ownerId);
        assertThat(claims.getJSONObjectClaim("act")).containsEntry("sub", adminId);

        // recorded: the OWNERs list it, the lifecycle feed carries it
        JsonNode listed = awaitRead("/api/tenants/" + tenantId + "/impersonations", owner, body -> true);
        assertThat(listed.path("items")).hasSize(1);
        assertThat(listed.path("items").get(0).path("actorId").asText()).isEqualTo(adminId);
        assertThat(listed.path("items").get(0).path("subjectId").asText()).isEqualTo(ownerId);
        assertThat(listed.path("items").get(0).path("reason").asText()).startsWith("ticket 4711");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> LifecycleFeedReader.read(api, support, 0).stream()
                        .skip(feedBefore)
                        .anyMatch(event -> "io.tenantry.tenant.impersonation-granted.v1"
                                        .equals(event.path("type").asText())
                                && tenantId.equals(event.path("subject").asText())
                                && adminId.equals(
                                        event.path("data").path("actorId").asText())));

        // what it cannot do: change the owners, act as someone again, erase personal data
        String memberId = uniqueUser("member");
        assertThat(api.post("/api/tenants/" + tenantId + "/members")
                        .bearer(impersonated)
                        .json(Map.of("userId", memberId, "role", "MEMBER"))
                        .send()
                        .status())
                .as("an ordinary change is allowed")
                .isEqualTo(201);
        assertProblemCode(
                api.post("/api/tenants/" + tenantId + "/members")
                        .bearer(impersonated)
                        .json(Map.of("userId", uniqueUser("owner2"), "role", "OWNER"))
                        .send(),
                403,
                "impersonated");
        assertProblemCode(
                api.post("/api/tenants/" + tenantId + "/ownership-transfer")
                        .bearer(impersonated)
                        .json(Map.of("toUserId", memberId))
                        .send(),
                403,
                "impersonated");
        Map<String, String> again = exchange(owner, "tenant:" + slug);
        again.put("actor_token", impersonated);
        again.put("actor_token_type", ACCESS_TOKEN);
        again.put("reason", "again");
        refused(post(again), 400, "invalid_grant");
        assertProblemCode(
                api.call("DELETE", "/api/privacy/subjects?email=someone%40example.com")
                        .bearer(impersonated)
                        .send(),
                403,
                "forbidden");

        // only with the permission, and not where the tenant forbids it
        Map<String, String> withoutPermission = new LinkedHashMap<>(request);
        withoutPermission.put("actor_token", api.token(uniqueUser("admin"), List.of("partner-admin"), List.of()));
        refused(post(withoutPermission), 400, "invalid_grant");
        String guardedSlug = uniqueSlug("guarded");
        String guarded = api.post("/api/tenants")
                .bearer(owner)
                .json(Map.of(
                        "name",
                        "Guarded Co",
                        "slug",
                        guardedSlug,
                        "tier",
                        "POOLED",
                        "settings",
                        Map.of("impersonation", "forbidden")))
                .send()
                .json()
                .path("id")
                .asText();
        Map<String, String> forbidden = exchange(owner, "tenant:" + guarded);
        forbidden.put("actor_token", support);
        forbidden.put("actor_token_type", ACCESS_TOKEN);
        forbidden.put("reason", "should not work");
        refused(post(forbidden), 400, "invalid_target");

        // only OWNERs read the list
        String adminMemberId = uniqueUser("admin-member");
        addMember(adminMemberId, "ADMIN");
        String adminMember = api.token(adminMemberId);
        awaitRead("/api/tenants/" + tenantId, adminMember, body -> true); // the read model knows the ADMIN
        assertProblemCode(
                api.get("/api/tenants/" + tenantId + "/impersonations")
                        .bearer(adminMember)
                        .send(),
                403,
                "insufficient_role");
    }

    private static String tenantOf(String tenantToken) throws java.text.ParseException {
        return (String) SignedJWT.parse(tenantToken)
                .getJWTClaimsSet()
                .getJSONObjectClaim("tenant")
                .get("id");
    }

    private String createTenant(String token, String tenantSlug) {
        Api.Response created = api.post("/api/tenants")
                .bearer(token)
                .json(Map.of("name", "Token Co", "slug", tenantSlug, "tier", "POOLED"))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private static Map<String, String> exchange(String subjectToken, String audience) {
        return TokenExchanges.form(subjectToken, audience);
    }

    private void addMember(String userId, String role) {
        assertThat(api.post("/api/tenants/" + tenantId + "/members")
                        .bearer(owner)
                        .json(Map.of("userId", userId, "role", role))
                        .send()
                        .status())
                .isEqualTo(201);
    }

    private Api.Response post(Map<String, String> form) {
        return api.post("/oauth2/token").form(form).send();
    }

    /** An OAuth error (RFC 6749 §5.2): JSON with {@code error}, never a problem document. */
    private static void refused(Api.Response response, int status, String error) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.json().path("error").asText())
                .as(response.toString())
                .isEqualTo(error);
        assertThat(response.json().path("error_description").asText()).isNotBlank();
        assertThat(response.json().has("type")).as("not a problem document").isFalse();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static void assertProblemCode(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().path("code").asText())
                .as(response.toString())
                .isEqualTo(code);
    }

    /** As a resource server: keys from the JWKS endpoint, issuer and audience checked. */
    private JWTClaimsSet verifyThroughJwks(String token, String audience) throws Exception {
        String issuer = "http://localhost:" + port;
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(new URL(issuer + "/.well-known/jwks.json"))
                .build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                Set.of("sub", "exp", "iat", "jti", "tenant", "role")));
        return processor.process(token, null);
    }

    private Path dataDir() {
        return Path.of(environment.getRequiredProperty("tenantry.data-dir"));
    }

    /** A well-formed token signed by a key Tenantry does not know. */
    private static String untrusted(String subject) throws JOSEException {
        RSAKey key = new RSAKeyGenerator(2048).keyID("other").generate();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("other").build(),
                new JWTClaimsSet.Builder()
                        .issuer("https://idp.elsewhere.example")
                        .subject(subject)
                        .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                        .build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
