package io.tenantry.app.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWK;
import io.tenantry.app.privacy.PrivacySecret;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.TokenExchanges;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.TenantStatus;
import io.tenantry.contracts.tenant.TenantTier;
import io.tenantry.contracts.tenant.TenantTokenGrant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing keys: a rotation makes a new key sign while tokens of the old one still verify, until every token it signed
 * has expired; then the old key leaves the JWKS. Private keys are stored encrypted only.
 */
class SigningKeyRotationIT extends IntegrationTest {

    @Autowired
    private SigningKeys keys;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private PrivacySecret secret;

    @Autowired
    private OAuthProperties properties;

    @Autowired
    private OAuthIssuer issuer;

    @Test
    void tokensOfARetiredKeyVerifyUntilTheyExpireThenItsKeyLeavesTheJwks() throws Exception {
        String ownerId = uniqueUser("owner");
        String owner = api.token(ownerId);
        String tenantId = api.post("/api/tenants")
                .bearer(owner)
                .json(Map.of("name", "Keys Co", "slug", uniqueSlug("keys"), "tier", "POOLED"))
                .send()
                .json()
                .path("id")
                .asText();
        String before = exchange(owner, tenantId);
        String oldKid = JWSObject.parse(before).getHeader().getKeyID();

        Api.Response rotated = api.post("/api/admin/signing-keys/rotate")
                .bearer(partnerAdmin())
                .send();
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String newKid = rotated.json().path("kid").asText();
        assertThat(newKid).isNotEqualTo(oldKid);

        String after = exchange(owner, tenantId);
        assertThat(JWSObject.parse(after).getHeader().getKeyID()).isEqualTo(newKid);
        assertThat(kids()).contains(oldKid, newKid);
        assertThat(api.get("/api/tenants/" + tenantId).bearer(before).send().status())
                .as("a token of the retired key still verifies")
                .isEqualTo(200);

        // later than any token of the old key lives: it is dropped, and its tokens with it
        Instant later = Instant.now().plus(properties.longestTokenLife()).plus(Duration.ofMinutes(2));
        new SigningKeys(jdbc, transactions, secret, properties, Clock.fixed(later, ZoneOffset.UTC)).reload();
        keys.reload();
        assertThat(kids()).contains(newKid).doesNotContain(oldKid);
        assertThat(api.get("/api/tenants/" + tenantId).bearer(after).send().status())
                .isEqualTo(200);
        assertThat(jdbc.queryForList("select kid from oauth_signing_key", String.class))
                .doesNotContain(oldKid);
    }

    @Test
    void aKeyAnotherNodeMadeIsTakenAtOnce() throws Exception {
        String ownerId = uniqueUser("owner");
        String owner = api.token(ownerId);
        String slug = uniqueSlug("nodes");
        String tenantId = api.post("/api/tenants")
                .bearer(owner)
                .json(Map.of("name", "Nodes Co", "slug", slug, "tier", "POOLED"))
                .send()
                .json()
                .path("id")
                .asText();
        awaitRead("/api/tenants/" + tenantId, owner, body -> true);
        keys.reload(); // this node has just read the keys: it would not again for 30 s

        SigningKeys otherNode = new SigningKeys(jdbc, transactions, secret, properties, Clock.systemUTC());
        String kid = otherNode.rotate();
        Instant now = Instant.now();
        String token = new TenantTokenSigner(otherNode::signing)
                .sign(
                        issuer.get(),
                        ownerId,
                        new TenantTokenGrant(
                                tenantId,
                                slug,
                                TenantTier.POOLED,
                                TenantStatus.PENDING_PROVISION,
                                MemberRole.OWNER,
                                List.of(),
                                "free",
                                List.of()),
                        null,
                        null,
                        now,
                        now.plusSeconds(60));
        assertThat(JWSObject.parse(token).getHeader().getKeyID()).isEqualTo(kid);
        // an unknown kid makes this node read the keys again (at most once a second)
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() ->
                        api.get("/api/tenants/" + tenantId).bearer(token).send().status() == 200);
    }

    @Test
    void aKeyOlderThanTheRotationPeriodIsReplacedOnSchedule() {
        Instant now = Instant.now();
        SigningKeys today = new SigningKeys(jdbc, transactions, secret, properties, Clock.fixed(now, ZoneOffset.UTC));
        assertThat(today.rotateIfDue())
                .as("a key younger than %s stays", properties.keyRotation())
                .isFalse();
        String before = keys.signing().getKeyID();
        Instant due = now.plus(properties.keyRotation()).plusSeconds(60);
        SigningKeys later = new SigningKeys(jdbc, transactions, secret, properties, Clock.fixed(due, ZoneOffset.UTC));
        assertThat(later.rotateIfDue()).isTrue();
        keys.reload();
        assertThat(keys.signing().getKeyID()).isNotEqualTo(before);
        assertThat(kids()).contains(before, keys.signing().getKeyID());
    }

    @Test
    void privateKeysAreStoredEncryptedOnly() {
        JWK signing = keys.signing();
        String d = signing.toJSONObject().get("d").toString();
        List<Map<String, Object>> rows =
                jdbc.queryForList("select kid, public_jwk, private_jwk from oauth_signing_key");
        assertThat(rows).isNotEmpty();
        for (Map<String, Object> row : rows) {
            String stored = (String) row.get("private_jwk");
            assertThat(stored.split("\\.")).as("a compact JWE").hasSize(5);
            assertThat(stored).doesNotContain(d).doesNotContain("\"d\"");
            assertThat((String) row.get("public_jwk")).doesNotContain("\"d\"");
        }
        JsonNode jwks = api.get("/.well-known/jwks.json").send().json();
        assertThat(jwks.path("keys"))
                .isNotEmpty()
                .allSatisfy(key -> assertThat(key.has("d")).isFalse());
        assertThat(jwks.toString()).doesNotContain(d);
    }

    private String exchange(String subjectToken, String tenantId) {
        return TokenExchanges.tenantToken(api, subjectToken, "tenant:" + tenantId);
    }

    private List<String> kids() {
        return api.get("/.well-known/jwks.json").send().json().path("keys").findValuesAsText("kid");
    }
}
