package io.tenantry.app.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.tenantry.contracts.tenant.TenantTokenGrant;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Signs tenant tokens: {@code iss} (Tenantry), {@code sub}, {@code aud} ({@code tenant:<id>}), {@code exp}, {@code iat},
 * {@code jti}, and what the tenant granted: {@code tenant} {id, slug, tier, status}, {@code role}, {@code teams}
 * [{id, role}], {@code plan}, {@code features} (the feature entitlements that are on); {@code scope} when one was asked for, {@code act} {sub} when a partner admin acts as the
 * subject. Header {@code kid} names the key in the JWKS.
 */
public class TenantTokenSigner {

    /** The audience of a tenant token: the tenant it acts in. */
    public static final String AUDIENCE_PREFIX = "tenant:";

    private final Supplier<JWK> keys;
    private volatile Signer current;

    /** Signs with the key {@code keys} gives at the time (the current signing key). */
    public TenantTokenSigner(Supplier<JWK> keys) {
        this.keys = keys;
    }

    public String sign(
            String issuer,
            String subject,
            TenantTokenGrant grant,
            String scope,
            String actor,
            Instant issuedAt,
            Instant expiresAt) {
        Map<String, Object> tenant = new LinkedHashMap<>();
        tenant.put("id", grant.tenantId());
        tenant.put("slug", grant.slug());
        tenant.put("tier", grant.tier().name());
        tenant.put("status", grant.status().name());
        List<Map<String, Object>> teams = grant.teams().stream()
                .map(team -> Map.<String, Object>of(
                        "id", team.id(), "role", team.role().name()))
                .toList();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(AUDIENCE_PREFIX + grant.tenantId())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .claim("tenant", tenant)
                .claim("role", grant.role().name())
                .claim("teams", teams)
                .claim("plan", grant.plan())
                .claim("features", grant.features());
        if (scope != null) {
            claims.claim("scope", scope);
        }
        if (actor != null) {
            claims.claim("act", Map.of("sub", actor));
        }
        JWK key = keys.get();
        JWSAlgorithm algorithm = JWSAlgorithm.parse(key.getAlgorithm().getName());
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(algorithm)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims.build());
        try {
            jwt.sign(signer(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a tenant token", e);
        }
        return jwt.serialize();
    }

    /** The signer of the current key, made once per key. */
    private JWSSigner signer(JWK key) throws JOSEException {
        Signer current = this.current;
        if (current == null || !current.kid().equals(key.getKeyID())) {
            current = new Signer(
                    key.getKeyID(), key instanceof ECKey ec ? new P256Signer(ec) : new RSASSASigner((RSAKey) key));
            this.current = current;
        }
        return current.signer();
    }

    private record Signer(String kid, JWSSigner signer) {}
}
