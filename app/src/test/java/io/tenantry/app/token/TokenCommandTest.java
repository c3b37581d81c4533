package io.tenantry.app.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.nimbusds.jwt.SignedJWT;
import io.tenantry.app.embedded.DevJwtKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class TokenCommandTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsATokenTheAppAcceptsWithTheClaimsAsked() throws Exception {
        int exit = run(
                "--sub",
                "alice",
                "--roles",
                "partner-admin",
                "--permissions",
                "tenant:create,tenant:update",
                "--data-dir",
                dataDir.toString());

        assertThat(exit).as(err.toString()).isZero();
        Jwt jwt = NimbusJwtDecoder.withPublicKey(publicKey(dataDir))
                .build()
                .decode(out.toString().trim());
        assertThat(jwt.getSubject()).isEqualTo("alice");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("partner-admin");
        assertThat(jwt.getClaimAsStringList("permissions")).containsExactly("tenant:create", "tenant:update");
        assertThat(jwt.getExpiresAt())
                .isCloseTo(Instant.now().plus(Duration.ofHours(12)), within(Duration.ofMinutes(1)));
        assertThat(SignedJWT.parse(jwt.getTokenValue())
                        .getHeader()
                        .getAlgorithm()
                        .getName())
                .isEqualTo("RS256");
    }

    @Test
    void givesTheEmailAsAVerifiedClaim() throws Exception {
        assertThat(run("--sub", "carol", "--email", "carol@example.com", "--data-dir", dataDir.toString()))
                .isZero();

        Jwt jwt = NimbusJwtDecoder.withPublicKey(publicKey(dataDir))
                .build()
                .decode(out.toString().trim());
        assertThat(jwt.getClaimAsString("email")).isEqualTo("carol@example.com");
        assertThat(jwt.getClaimAsBoolean("email_verified")).isTrue();
    }

    @Test
    void keepsTheKeyPairSoEarlierTokensStayValid() throws Exception {
        run("--sub", "alice", "--data-dir", dataDir.toString());
        String first = out.toString().trim();
        out.reset();
        run("--sub", "bob", "--ttl", "30m", "--data-dir", dataDir.toString());

        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withPublicKey(publicKey(dataDir)).build();
        assertThat(decoder.decode(first).getSubject()).isEqualTo("alice");
        Jwt second = decoder.decode(out.toString().trim());
        assertThat(second.getSubject()).isEqualTo("bob");
        assertThat(second.getExpiresAt())
                .isCloseTo(Instant.now().plus(Duration.ofMinutes(30)), within(Duration.ofMinutes(1)));
    }

    @Test
    void aTokenFromAnotherKeyIsRefused(@TempDir Path otherDataDir) throws Exception {
        run("--sub", "eve", "--data-dir", otherDataDir.toString());
        DevJwtKeys.ensure(dataDir);

        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withPublicKey(publicKey(dataDir)).build();
        assertThatThrownBy(() -> decoder.decode(out.toString().trim())).isInstanceOf(JwtException.class);
    }

    @Test
    void refusesToRunWithoutASubject() {
        assertThat(run("--roles", "partner-admin", "--data-dir", dataDir.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--sub is required").contains("Usage");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void refusesUnknownOptionsAndBadDurations() {
        assertThat(run("--sub", "a", "--role", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option --role");
        err.reset();
        assertThat(run("--sub", "a", "--ttl", "soon", "--data-dir", dataDir.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("Bad --ttl soon");
        err.reset();
        assertThat(run("--sub", "a", "--ttl", "-5m", "--data-dir", dataDir.toString()))
                .isEqualTo(2);
    }

    @Test
    void readsDurationsInShortAndIsoForm() {
        assertThat(TokenCommand.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(TokenCommand.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(TokenCommand.parseDuration("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(TokenCommand.parseDuration("PT15M")).isEqualTo(Duration.ofMinutes(15));
    }

    private int run(String... args) {
        return TokenCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static RSAPublicKey publicKey(Path dataDir) throws Exception {
        String pem = Files.readString(DevJwtKeys.directory(dataDir).resolve(DevJwtKeys.PUBLIC_KEY))
                .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }
}
