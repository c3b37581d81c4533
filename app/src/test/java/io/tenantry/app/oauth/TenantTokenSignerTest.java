package io.tenantry.app.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.TeamRole;
import io.tenantry.contracts.tenant.TenantStatus;
import io.tenantry.contracts.tenant.TenantTier;
import io.tenantry.contracts.tenant.TenantTokenGrant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A tenant token's claims and header, signed with ES256 or RS256 as the key says; a new key signs at once. */
class TenantTokenSignerTest {

    private static final TenantTokenGrant GRANT = new TenantTokenGrant(
            "t-1",
            "acme",
            TenantTier.SILOED,
            TenantStatus.ACTIVE,
            MemberRole.ADMIN,
            List.of(new TenantTokenGrant.TeamGrant("team-1", TeamRole.LEAD)),
            "team",
            List.of("sso"));

    @Test
    void signsWithEitherAlgorithmAndFollowsTheCurrentKey() throws Exception {
        JWK ec = new ECKeyGenerator(Curve.P_256)
                .keyID("ec-1")
                .algorithm(JWSAlgorithm.ES256)
                .keyUse(KeyUse.SIGNATURE)
                .generate();
        JWK rsa = new RSAKeyGenerator(2048)
                .keyID("rsa-1")
                .algorithm(JWSAlgorithm.RS256)
                .keyUse(KeyUse.SIGNATURE)
                .generate();
        AtomicReference<JWK> current = new AtomicReference<>(ec);
        TenantTokenSigner signer = new TenantTokenSigner(current::get);
        Instant now = Instant.parse("2026-12-04T04:00:00Z");

        SignedJWT es256 = SignedJWT.parse(signer.sign(
                "https://tenantry.example", "alice", GRANT, "members:read", null, now, now.plusSeconds(300)));
        assertVerified(
                es256,
                "ec-1",
                JWSAlgorithm.ES256,
                new ECDSAVerifier(ec.toECKey().toPublicJWK()));
        assertThat(es256.getJWTClaimsSet().getClaims())
                .containsEntry("iss", "https://tenantry.example")
                .containsEntry("sub", "alice")
                .containsEntry("role", "ADMIN")
                .containsEntry("plan", "team")
                .containsEntry("features", List.of("sso"))
                .containsEntry("scope", "members:read")
                .containsEntry("tenant", Map.of("id", "t-1", "slug", "acme", "tier", "SILOED", "status", "ACTIVE"))
                .containsEntry("teams", List.of(Map.of("id", "team-1", "role", "LEAD")))
                .doesNotContainKey("act");
        assertThat(es256.getJWTClaimsSet().getAudience()).containsExactly("tenant:t-1");
        assertThat(es256.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(now.plusSeconds(300));

        current.set(rsa);
        SignedJWT rs256 = SignedJWT.parse(
                signer.sign("https://tenantry.example", "alice", GRANT, null, "support-1", now, now.plusSeconds(60)));
        assertVerified(
                rs256,
                "rsa-1",
                JWSAlgorithm.RS256,
                new RSASSAVerifier(rsa.toRSAKey().toPublicJWK()));
        assertThat(rs256.getJWTClaimsSet().getJSONObjectClaim("act")).containsEntry("sub", "support-1");
        assertThat(rs256.getJWTClaimsSet().getClaim("scope")).isNull();
    }

    private static void assertVerified(SignedJWT jwt, String kid, JWSAlgorithm algorithm, JWSVerifier verifier)
            throws Exception {
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(kid);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(algorithm);
        assertThat(jwt.verify(verifier)).isTrue();
    }
}
