package io.tenantry.app.lead;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.tenantry.command.lead.LeadTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * Lead tokens: HS256 JWTs signed by Tenantry with a key of its own (derived from the privacy secret), subject the lead
 * id, issuer {@value #ISSUER}, audience {@value #AUDIENCE}. Only the lead onboarding endpoint accepts them (its own
 * decoder); every other endpoint takes RS256 user tokens only, so a lead token is refused there.
 */
public final class HmacLeadTokens implements LeadTokens {

    public static final String ISSUER = "tenantry";
    public static final String AUDIENCE = "tenantry-lead-onboarding";

    private final SecretKey key;
    private final Duration ttl;

    public HmacLeadTokens(SecretKey key, Duration ttl) {
        this.key = key;
        this.ttl = ttl;
    }

    @Override
    public IssuedLeadToken issue(String leadId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(ttl);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(leadId)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(new MACSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a lead token", e);
        }
        return new IssuedLeadToken(jwt.serialize(), expiresAt);
    }

    public SecretKey key() {
        return key;
    }
}
