package io.tenantry.app.security;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * The user-token decoder when the key is a PEM file ({@code
 * spring.security.oauth2.resourceserver.jwt.public-key-location},
 * also the embedded default's development key). Spring Boot's own decoder for such a key checks no issuer, and once
 * {@code issuer-uri} is set it drops the key for OpenID discovery at that address. Here, as Boot does for
 * {@code jwk-set-uri}, the key verifies and {@code issuer-uri}, when set, is the {@code iss} a token must name;
 * {@code audiences}, when set, are the {@code aud} it must name one of. With {@code jwk-set-uri} or {@code issuer-uri}
 * alone, Boot's decoder applies (it checks both as well).
 */
@Configuration(proxyBeanMethods = false)
class JwtVerificationConfiguration {

    static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

    @Bean
    @Conditional(PublicKeyWithoutJwkSetUri.class)
    JwtDecoder jwtDecoder(
            OAuth2ResourceServerProperties properties, ObjectProvider<OAuth2TokenValidator<Jwt>> additionalValidators)
            throws IOException {
        return publicKeyDecoder(
                properties.getJwt(), additionalValidators.orderedStream().toList());
    }

    /** RS256 (or the one {@code jws-algorithms} names) with the PEM key; time, issuer and audiences validated. */
    static JwtDecoder publicKeyDecoder(
            OAuth2ResourceServerProperties.Jwt properties, List<OAuth2TokenValidator<Jwt>> additionalValidators)
            throws IOException {
        List<String> algorithms = properties.getJwsAlgorithms();
        if (algorithms.size() != 1) {
            throw new IllegalStateException(
                    JWT + "jws-algorithms must name exactly one algorithm for a public key, not " + algorithms);
        }
        SignatureAlgorithm algorithm = SignatureAlgorithm.from(algorithms.get(0));
        if (algorithm == null) {
            throw new IllegalStateException(JWT + "jws-algorithms: unknown algorithm " + algorithms.get(0));
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(rsaPublicKey(properties.readPublicKey()))
                .signatureAlgorithm(algorithm)
                .build();
        decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        return new VerifiedTokens(
                decoder,
                validator(properties.getIssuerUri(), properties.getAudiences(), additionalValidators),
                VERIFIED_TOKEN_TTL,
                VERIFIED_TOKENS);
    }

    /** How long, and for how many tokens, a checked signature is remembered (claims are validated on every use). */
    static final Duration VERIFIED_TOKEN_TTL = Duration.ofMinutes(10);

    static final long VERIFIED_TOKENS = 10_000;

    static OAuth2TokenValidator<Jwt> validator(
            String issuer, Collection<String> audiences, List<OAuth2TokenValidator<Jwt>> additionalValidators) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(
                StringUtils.hasText(issuer)
                        ? JwtValidators.createDefaultWithIssuer(issuer)
                        : JwtValidators.createDefault());
        if (audiences != null && !audiences.isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>(
                    JwtClaimNames.AUD, aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
        }
        validators.addAll(additionalValidators);
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static RSAPublicKey rsaPublicKey(String pem) {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(
                            new X509EncodedKeySpec(Base64.getMimeDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException(JWT + "public-key-location does not hold an RSA public key in PEM", e);
        }
    }

    /** A PEM key is configured, and no JWK set (which Boot's decoder handles, issuer and audiences included). */
    static final class PublicKeyWithoutJwkSetUri implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            return StringUtils.hasText(environment.getProperty(JWT + "public-key-location"))
                    && !StringUtils.hasText(environment.getProperty(JWT + "jwk-set-uri"));
        }
    }
}
