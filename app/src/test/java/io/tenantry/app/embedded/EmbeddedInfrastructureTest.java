package io.tenantry.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

/** What the embedded default decides from the configuration alone, before anything starts. */
class EmbeddedInfrastructureTest {

    private final EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure(new DeferredLogs());

    @Test
    void refusesToStartWithAConfiguredDatabaseAndNeitherJwtKeyNorPrivacySecret() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/tenantry")
                .withProperty("spring.kafka.bootstrap-servers", "kafka.example:9092");

        assertThatThrownBy(() -> infrastructure.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(EmbeddedStartupException.class)
                .hasMessageContaining("a key to verify JWTs")
                .hasMessageContaining("the privacy secret")
                .satisfies(failure -> assertThat(((EmbeddedStartupException) failure).action())
                        .contains("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION")
                        .contains("JWK_SET_URI")
                        .contains("TENANTRY_PRIVACY_SECRET"));
    }

    @Test
    void refusesToStartWithoutAPrivacySecretEvenWithAJwtKey() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/tenantry")
                .withProperty("spring.kafka.bootstrap-servers", "kafka.example:9092")
                .withProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "https://idp.example/jwks");

        assertThatThrownBy(() -> infrastructure.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(EmbeddedStartupException.class)
                .hasMessageContaining("the privacy secret")
                .hasMessageNotContaining("JWT");
    }

    @Test
    void startsNothingWhenEverythingIsConfigured() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/tenantry")
                .withProperty("spring.kafka.bootstrap-servers", "kafka.example:9092")
                .withProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "https://idp.example/jwks")
                .withProperty("tenantry.privacy.secret", "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA==");

        infrastructure.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://db.example:5432/tenantry");
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("kafka.example:9092");
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.public-key-location"))
                .isNull();
        assertThat(environment.getProperty(EmbeddedInfrastructure.SUMMARY_PROPERTY))
                .isEmpty();
    }

    @Test
    void explainsAStartupFailureWithWhatToDo() {
        EmbeddedStartupException failure = new EmbeddedStartupException("it broke", "do this", null);

        FailureAnalysis analysis = new EmbeddedStartupFailureAnalyzer().analyze(new RuntimeException(failure));

        assertThat(analysis.getDescription()).isEqualTo("it broke");
        assertThat(analysis.getAction()).isEqualTo("do this");
    }
}
