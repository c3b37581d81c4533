package io.tenantry.app.oauth;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tenant tokens ({@code tenantry.oauth.*}).
 *
 * @param issuer            the {@code iss} of Tenantry's tokens and its metadata's {@code issuer}; default
 *                          {@code http://localhost:<port>}
 * @param tokenTtl          how long an exchanged token lives (never longer than its subject token)
 * @param impersonationTtl  how long a token lives that a partner admin uses to act as a member
 * @param algorithm         {@code ES256} or {@code RS256}: what new signing keys are
 * @param keyRotation       how old the signing key may grow before a new one replaces it
 * @param keyRotationCheck  how often that age is checked
 * @param exchangesPerMinute token exchanges per subject per minute
 * @param trustedIssuers    identity providers whose tokens are exchanged and accepted by the API besides the one
 *                          configured for the resource server ({@code issuer} and {@code jwk-set-uri} each)
 */
@ConfigurationProperties("tenantry.oauth")
public record OAuthProperties(
        String issuer,
        @DefaultValue("5m") Duration tokenTtl,
        @DefaultValue("15m") Duration impersonationTtl,
        @DefaultValue("ES256") String algorithm,
        @DefaultValue("30d") Duration keyRotation,
        @DefaultValue("1h") Duration keyRotationCheck,
        @DefaultValue("60") int exchangesPerMinute,
        @DefaultValue List<TrustedIssuer> trustedIssuers) {

    public OAuthProperties {
        trustedIssuers = trustedIssuers == null ? List.of() : List.copyOf(trustedIssuers);
        if (!"ES256".equals(algorithm) && !"RS256".equals(algorithm)) {
            throw new IllegalArgumentException("tenantry.oauth.algorithm must be ES256 or RS256, not " + algorithm);
        }
    }

    /** The longest a token of Tenantry's lives: how long a retired key stays in the JWKS. */
    Duration longestTokenLife() {
        return tokenTtl.compareTo(impersonationTtl) >= 0 ? tokenTtl : impersonationTtl;
    }

    /** An identity provider whose tokens Tenantry trusts: its {@code iss} and where its keys are. */
    public record TrustedIssuer(String issuer, String jwkSetUri) {}
}
