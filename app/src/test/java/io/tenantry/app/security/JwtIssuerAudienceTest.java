package io.tenantry.app.security;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.tenantry.app.lead.HmacLeadTokens;
import io.tenantry.app.test.Api;
import jakarta.servlet.Filter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issuer and audiences of user tokens (spring.security.oauth2.resourceserver.jwt.issuer-uri and .audiences) with a PEM
 * key: refused (401 problem+json) when configured and not matched, ignored when not configured. The app's own route
 * table and decoder configuration, with Spring Boot's security auto-configuration, on MockMvc: no database needed.
 */
class JwtIssuerAudienceTest {

    private static final String ISSUER = "https://login.example.test/tenantry";
    private static final String AUDIENCE = "tenantry-api";

    private static KeyPair keys;
    private static Path publicKey;

    @BeforeAll
    static void keyPair(@TempDir Path directory) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        publicKey = directory.resolve("public.pem");
        Files.writeString(
                publicKey,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(keys.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
    }

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class,
                    WebMvcAutoConfiguration.class,
                    SecurityAutoConfiguration.class,
                    OAuth2ResourceServerAutoConfiguration.class))
            .withUserConfiguration(SecurityConfiguration.class, JwtVerificationConfiguration.class, Probe.class)
            // the API-key chain beside the JWT one needs its authenticator; no key is sent here, so no row is read
            .withUserConfiguration(io.tenantry.app.apikey.ApiKeyConfiguration.class)
            .withBean(
                    org.springframework.jdbc.core.JdbcTemplate.class,
                    () -> new org.springframework.jdbc.core.JdbcTemplate(
                            new org.springframework.jdbc.datasource.SimpleDriverDataSource()));

    @Test
    void acceptsATokenNamingTheConfiguredIssuerAndOneOfTheAudiences() {
        issuerAndAudiences().run(context -> {
            assertThat(context).hasNotFailed();
            MockMvc mvc = mvc(context);
            Api.Response accepted = call(mvc, token(ISSUER, List.of(AUDIENCE)));
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
            assertThat(accepted.body()).isEqualTo("alice");
            assertThat(call(mvc, token(ISSUER, List.of("unrelated", "other-api")))
                            .status())
                    .as("one of the configured audiences is enough")
                    .isEqualTo(200);
        });
    }

    @Test
    void refusesATokenWithoutTheConfiguredIssuerOrWithAnother() {
        issuerAndAudiences().run(context -> {
            MockMvc mvc = mvc(context);
            assertRefused(call(mvc, token(null, List.of(AUDIENCE))), "no issuer");
            assertRefused(call(mvc, token("https://evil.example.test/tenantry", List.of(AUDIENCE))), "wrong issuer");
        });
    }

    @Test
    void refusesATokenWithoutAConfiguredAudienceOrWithAnother() {
        issuerAndAudiences().run(context -> {
            MockMvc mvc = mvc(context);
            assertRefused(call(mvc, token(ISSUER, List.of())), "no audience");
            assertRefused(call(mvc, token(ISSUER, List.of("someone-else"))), "wrong audience");
        });
    }

    @Test
    void anIssuerAloneIsCheckedWithoutAskingTheIssuerForItsKeys() {
        // Boot would switch to OpenID discovery at the (unreachable) issuer here and refuse every token
        runner.withPropertyValues(publicKeyLocation(), "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER)
                .run(context -> {
                    MockMvc mvc = mvc(context);
                    assertThat(call(mvc, token(ISSUER, List.of())).status()).isEqualTo(200);
                    assertRefused(call(mvc, token("https://evil.example.test/tenantry", List.of())), "wrong issuer");
                });
    }

    @Test
    void anAudienceAloneIsChecked() {
        runner.withPropertyValues(
                        publicKeyLocation(), "spring.security.oauth2.resourceserver.jwt.audiences=" + AUDIENCE)
                .run(context -> {
                    MockMvc mvc = mvc(context);
                    assertThat(call(mvc, token("https://any.example.test", List.of(AUDIENCE)))
                                    .status())
                            .isEqualTo(200);
                    assertRefused(call(mvc, token(null, List.of("someone-else"))), "wrong audience");
                });
    }

    @Test
    void withNeitherConfiguredAnyIssuerAndAudiencePass() {
        runner.withPropertyValues(publicKeyLocation()).run(context -> {
            MockMvc mvc = mvc(context);
            assertThat(call(mvc, token(null, List.of())).status()).isEqualTo(200);
            assertThat(call(mvc, token("https://any.example.test", List.of("anything")))
                            .status())
                    .isEqualTo(200);
            assertRefused(call(mvc, null), "still no token");
        });
    }

    @Test
    void aJwkSetIsLeftToSpringBootsDecoder() {
        runner.withPropertyValues(
                        publicKeyLocation(),
                        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/jwks")
                .run(context -> assertThat(context.getBeanNamesForType(JwtDecoder.class))
                        .containsExactly("jwtDecoderByJwkKeySetUri"));
    }

    private WebApplicationContextRunner issuerAndAudiences() {
        return runner.withPropertyValues(
                publicKeyLocation(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER,
                "spring.security.oauth2.resourceserver.jwt.audiences=other-api," + AUDIENCE);
    }

    private static String publicKeyLocation() {
        return "spring.security.oauth2.resourceserver.jwt.public-key-location=" + publicKey.toUri();
    }

    private static MockMvc mvc(WebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context)
                .addFilters(context.getBean("springSecurityFilterChain", Filter.class))
                .build();
    }

    private static Api.Response call(MockMvc mvc, String token) throws Exception {
        var request = get("/api/probe");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.getHeaderNames().forEach(name -> headers.put(name, response.getHeaders(name)));
        return new Api.Response(response.getStatus(), headers, response.getContentAsString());
    }

    private static void assertRefused(Api.Response response, String why) {
        assertThat(response.status()).as(why + ": " + response).isEqualTo(401);
        assertProblem(response, 401, "unauthenticated");
    }

    private static String token(String issuer, List<String> audiences) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject("alice")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
        if (issuer != null) {
            claims.issuer(issuer);
        }
        if (!audiences.isEmpty()) {
            claims.audience(audiences);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }

    @Configuration(proxyBeanMethods = false)
    static class Probe {

        @Bean
        HmacLeadTokens leadTokens() {
            return new HmacLeadTokens(new SecretKeySpec(new byte[32], "HmacSHA256"), Duration.ofMinutes(5));
        }

        @Bean
        ProbeController probeController() {
            return new ProbeController();
        }
    }

    @RestController
    static class ProbeController {

        @GetMapping("/api/probe")
        String probe(Authentication authentication) {
            return authentication.getName();
        }
    }
}
