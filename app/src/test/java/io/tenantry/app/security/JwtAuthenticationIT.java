package io.tenantry.app.security;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.tenantry.app.embedded.DevJwtKeys;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The security baseline: only RS256 tokens signed with the configured key, in their validity window, get in; every
 * refusal is 401 problem+json. One test per attack; a wrong issuer or audience is JwtIssuerAudienceTest's, a lead token
 * outside its lead's endpoint LeadTokenIT's.
 */
class JwtAuthenticationIT extends IntegrationTest {

    @Test
    void acceptsAValidToken() {
        assertThat(api.get("/api/tenants/" + UUID.randomUUID())
                        .bearer(api.token("valid-user"))
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void refusesARequestWithoutAToken() {
        Api.Response response = api.get("/api/tenants/" + UUID.randomUUID()).send();

        assertProblem(response, 401, "unauthenticated");
        assertThat(response.header("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void refusesATokenWhoseClaimsWereChangedAfterSigning() throws Exception {
        String[] parts =
                sign(claims(Instant.now(), Duration.ofHours(1)), devKey()).split("\\.");
        String forged = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new JWTClaimsSet.Builder(claims(Instant.now(), Duration.ofHours(1)))
                        .subject("root")
                        .build()
                        .toString()
                        .getBytes(StandardCharsets.UTF_8));

        assertRefused(parts[0] + "." + forged + "." + parts[2]);
    }

    @Test
    void refusesATokenSignedWithAnotherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String token = sign(claims(Instant.now(), Duration.ofHours(1)), (RSAPrivateKey)
                generator.generateKeyPair().getPrivate());

        assertRefused(token);
    }

    @Test
    void refusesAnExpiredToken() throws Exception {
        assertRefused(sign(claims(Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1)), devKey()));
    }

    @Test
    void refusesATokenNotYetValid() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(Instant.now(), Duration.ofHours(2)))
                .notBeforeTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
                .build();

        assertRefused(sign(claims, devKey()));
    }

    @Test
    void refusesAnUnsignedAlgNoneToken() {
        assertRefused(new PlainJWT(claims(Instant.now(), Duration.ofHours(1))).serialize());
    }

    @Test
    void refusesAnHs256TokenMadeWithThePublicKeyAsSecret() throws Exception {
        byte[] publicKey = Files.readAllBytes(DevJwtKeys.directory(dataDir()).resolve(DevJwtKeys.PUBLIC_KEY));
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(Instant.now(), Duration.ofHours(1)));
        jwt.sign(new MACSigner(publicKey));

        assertRefused(jwt.serialize());
    }

    @Test
    void refusesGarbage() {
        assertRefused("not.a.jwt");
    }

    private void assertRefused(String token) {
        Api.Response response =
                api.get("/api/tenants/" + UUID.randomUUID()).bearer(token).send();
        assertProblem(response, 401, "unauthenticated");
        assertThat(response.header("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).contains("invalid_token"));
    }

    private Path dataDir() {
        return Path.of(environment.getRequiredProperty("tenantry.data-dir"));
    }

    private RSAPrivateKey devKey() throws Exception {
        return DevJwtKeys.readPrivateKey(dataDir());
    }

    private static JWTClaimsSet claims(Instant issuedAt, Duration ttl) {
        return new JWTClaimsSet.Builder()
                .subject("mallory")
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(ttl)))
                .claim("roles", List.of("partner-admin"))
                .build();
    }

    private static String sign(JWTClaimsSet claims, RSAPrivateKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
