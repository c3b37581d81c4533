package io.tenantry.app.oauth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.tenantry.app.security.VerifiedTokens;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Every token Tenantry accepts, by its {@code iss} (not a {@link JwtDecoder} bean itself: the resource server's own
 * decoder stays as configured): its own tenant tokens (verified with its signing keys, audience
 * {@code tenant:<id>}), those of each trusted identity provider (its JWKS, its issuer), and any other by the resource
 * server's own decoder (the configured identity provider, or the embedded default's development key). Which decoder a
 * token goes to is remembered per token, so a client sending the same token again is not parsed twice for it.
 */
public class IssuerJwtDecoders {

    private static final Duration VERIFIED_TTL = Duration.ofMinutes(10);
    private static final long VERIFIED = 10_000;

    private final JwtDecoder identityProvider;
    private final Supplier<String> ownIssuer;
    private final JwtDecoder own;
    private final Map<String, JwtDecoder> trusted = new LinkedHashMap<>();
    private final Cache<String, JwtDecoder> routes = Caffeine.newBuilder()
            .expireAfterWrite(VERIFIED_TTL)
            .maximumSize(VERIFIED)
            .build();

    public IssuerJwtDecoders(
            JwtDecoder identityProvider,
            SigningKeys keys,
            Supplier<String> ownIssuer,
            List<OAuthProperties.TrustedIssuer> trustedIssuers) {
        this.identityProvider = identityProvider;
        this.ownIssuer = ownIssuer;
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256), (selector, context) -> {
                    List<com.nimbusds.jose.jwk.JWK> found = selector.select(keys.published());
                    // a key another node made a moment ago: read the keys again (at most once a second)
                    return found.isEmpty() ? selector.select(keys.refreshed()) : found;
                }));
        NimbusJwtDecoder signatureOnly = new NimbusJwtDecoder(processor);
        signatureOnly.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        this.own = new VerifiedTokens(
                signatureOnly,
                new DelegatingOAuth2TokenValidator<>(
                        new JwtTimestampValidator(),
                        jwt -> new JwtIssuerValidator(ownIssuer.get()).validate(jwt),
                        IssuerJwtDecoders::tenantAudience),
                VERIFIED_TTL,
                VERIFIED);
        for (OAuthProperties.TrustedIssuer issuer : trustedIssuers) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri())
                    .jwsAlgorithm(org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.RS256)
                    .jwsAlgorithm(org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.ES256)
                    .build();
            decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
            trusted.put(
                    issuer.issuer(),
                    new VerifiedTokens(
                            decoder, JwtValidators.createDefaultWithIssuer(issuer.issuer()), VERIFIED_TTL, VERIFIED));
        }
    }

    /** The decoder of the API's bearer tokens. */
    public JwtDecoder asDecoder() {
        return this::decode;
    }

    public Jwt decode(String token) throws JwtException {
        return routeOf(token).decode(token);
    }

    /** A token a user exchanges for a tenant token: an identity provider's, never one of Tenantry's own. */
    public Jwt decodeSubject(String token) throws JwtException {
        JwtDecoder decoder = routeOf(token);
        if (decoder == own) {
            throw new BadJwtException("Tenantry's own tokens are not exchanged: use the identity provider's");
        }
        return decoder.decode(token);
    }

    /** The decoder of the token's issuer, remembered per token. */
    private JwtDecoder routeOf(String token) {
        JwtDecoder decoder = routes.getIfPresent(token);
        if (decoder == null) {
            decoder = route(issuerOf(token));
            routes.put(token, decoder);
        }
        return decoder;
    }

    private JwtDecoder route(String issuer) {
        if (issuer != null && issuer.equals(ownIssuer.get())) {
            return own;
        }
        return issuer == null ? identityProvider : trusted.getOrDefault(issuer, identityProvider);
    }

    private static String issuerOf(String token) {
        try {
            return JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            return null; // the resource server's decoder says what is wrong with it
        }
    }

    private static OAuth2TokenValidatorResult tenantAudience(Jwt jwt) {
        List<String> audiences = jwt.getAudience();
        boolean tenant = audiences != null
                && audiences.size() == 1
                && audiences.get(0).startsWith(TenantTokenSigner.AUDIENCE_PREFIX);
        return tenant
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                        new OAuth2Error("invalid_token", "A tenant token names one tenant as its audience", null));
    }
}
