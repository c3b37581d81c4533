package io.tenantry.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class VerifiedTokensTest {

    private final KeyPair keys = rsa();
    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final VerifiedTokens tokens =
            new VerifiedTokens(countingSignatureOnly(), JwtValidators.createDefault(), Duration.ofMinutes(10), 100);

    @Test
    void checksASignatureOncePerTokenAndTheClaimsEveryTime() throws Exception {
        String token = sign(keys, "alice", Instant.now().plusSeconds(300));
        Jwt first = tokens.decode(token);
        Jwt second = tokens.decode(token);
        assertThat(second.getSubject()).isEqualTo("alice").isEqualTo(first.getSubject());
        assertThat(signatureChecks).hasValue(1);
        tokens.decode(sign(keys, "bob", Instant.now().plusSeconds(300)));
        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    void anExpiredTokenIsRefusedEvenWhenItsSignatureWasChecked() throws Exception {
        // expired two minutes ago: beyond the validators' 60 s clock skew
        String token = sign(keys, "carol", Instant.now().minusSeconds(120));
        assertThatThrownBy(() -> tokens.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class);
        assertThat(signatureChecks)
                .as("the signature was fine and is remembered")
                .hasValue(1);
    }

    @Test
    void aForgedTokenIsNeverRemembered() throws Exception {
        String forged = sign(rsa(), "mallory", Instant.now().plusSeconds(300));
        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThat(signatureChecks).hasValue(2);
        String genuine = sign(keys, "mallory", Instant.now().plusSeconds(300));
        String tampered = genuine.substring(0, genuine.lastIndexOf('.') - 2) + "x"
                + genuine.substring(genuine.lastIndexOf('.') - 1);
        assertThatThrownBy(() -> tokens.decode(tampered)).isInstanceOf(BadJwtException.class);
    }

    private JwtDecoder countingSignatureOnly() {
        NimbusJwtDecoder nimbus =
                NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();
        nimbus.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        return token -> {
            signatureChecks.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    private static String sign(KeyPair keys, String subject, Instant expiresAt) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.RS256),
                new JWTClaimsSet.Builder()
                        .subject(subject)
                        .issueTime(Date.from(expiresAt.minusSeconds(600)))
                        .expirationTime(Date.from(expiresAt))
                        .build());
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
