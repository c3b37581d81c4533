package io.tenantry.app.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Health, metrics and API docs answer without a token; health covers the database and Kafka. */
class OperationsIT extends IntegrationTest {

    @Test
    void reportsTheDatabaseAndKafkaInHealth() {
        Api.Response health = api.get("/actuator/health").send();

        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        JsonNode components = health.json().path("components");
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("kafka").path("status").asText()).isEqualTo("UP");
        assertThat(health.body()).doesNotContain("jdbc:").doesNotContain("clusterId");
    }

    @Test
    void exposesPrometheusMetrics() {
        api.get("/actuator/health").send();
        Api.Response metrics = api.get("/actuator/prometheus").send();

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("http_server_requests");
    }

    @Test
    void tellsItsVersion() {
        Api.Response info = api.get("/actuator/info").send();

        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json().path("build").path("artifact").asText()).isEqualTo("app");
    }

    @Test
    void publishesTheOpenApiDocument() {
        Api.Response docs = api.get("/v3/api-docs").send();

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/tenants")).isTrue();
        assertThat(docs.json().path("paths").has("/api/tenants/{tenantId}")).isTrue();
        assertThat(api.get("/swagger-ui.html").send().status()).isIn(200, 302);
    }
}
