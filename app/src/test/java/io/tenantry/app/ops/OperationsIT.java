package io.tenantry.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import org.junit.jupiter.api.Test;

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
        assertThat(components.path("eventProcessors").path("status").asText()).isEqualTo("UP");
        assertThat(health.body()).doesNotContain("jdbc:").doesNotContain("clusterId");
    }

    @Test
    void exposesPrometheusMetrics() {
        api.get("/actuator/health").send();
        String owner = api.token(uniqueUser("owner"));
        String tenantId = api.post("/api/tenants")
                .bearer(owner)
                .json(java.util.Map.of("name", "Metered Co", "slug", uniqueSlug("metered"), "tier", "POOLED"))
                .send()
                .json()
                .path("id")
                .asText();
        awaitRead("/api/tenants/" + tenantId, owner, body -> true); // a command handled, events stored and read
        Api.Response metrics = api.get("/actuator/prometheus").send();

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("http_server_requests");
        // processor lag, commands handled, events published, query latency
        assertThat(metrics.body())
                .contains("tenantry_projection_lag{processor=\"tenant-directory\"}")
                .contains("commandBus_")
                .contains("eventStore_")
                .contains("queryBus_")
                .contains("eventProcessor_");
        // Axon's message timers keep count, sum and max, without client-side percentiles (AxonTimerPercentiles)
        assertThat(metrics.body()).contains("commandBus_allTimer_seconds_count");
        assertThat(metrics.body().lines().filter(line -> line.contains("Timer_seconds") && line.contains("quantile=")))
                .isEmpty();
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
        JsonNode paths = docs.json().path("paths");
        assertThat(paths.has("/error")).isFalse();
        assertThat(operations(paths))
                .contains(
                        "post /api/tenants",
                        "get /api/tenants",
                        "get /api/tenants/{tenantId}",
                        "put /api/tenants/{tenantId}",
                        "patch /api/tenants/{tenantId}",
                        "delete /api/tenants/{tenantId}",
                        "post /api/tenants/{tenantId}/restore",
                        "post /api/tenants/{tenantId}/suspend",
                        "post /api/tenants/{tenantId}/reactivate",
                        "get /api/tenants/by-slug/{slug}",
                        "post /api/provisioning/tenants",
                        "post /api/provisioning/tenants/bulk",
                        "get /api/provisioning/tenants/{tenantId}",
                        "put /api/provisioning/tenants/{tenantId}",
                        "patch /api/provisioning/tenants/{tenantId}",
                        "delete /api/provisioning/tenants/{tenantId}",
                        "delete /api/privacy/subjects",
                        "get /api/audit/tenants/{tenantId}/events",
                        "get /api/lifecycle/events");
        JsonNode create = paths.path("/api/provisioning/tenants").path("post");
        assertThat(create.path("requestBody").toString()).contains("ProvisioningTenantRequest");
        assertThat(create.path("responses").path("201").toString()).contains("ProvisionedTenant");
        assertThat(create.path("responses").path("409").toString()).contains("application/problem+json", "Problem");
        assertThat(paths.path("/api/tenants/{tenantId}")
                        .path("delete")
                        .path("responses")
                        .has("204"))
                .isTrue();
        assertThat(paths.path("/api/tenants").path("get").toString())
                .as("the caller is no parameter")
                .doesNotContain("\"caller\"");
        assertThat(docs.json()
                        .path("components")
                        .path("schemas")
                        .path("Problem")
                        .path("properties")
                        .has("code"))
                .isTrue();
        assertThat(docs.json()
                        .path("components")
                        .path("schemas")
                        .path("ProvisioningTenantRequest")
                        .path("properties")
                        .has("client_name"))
                .isTrue();
        assertThat(api.get("/swagger-ui.html").send().status()).isIn(200, 302);
    }

    private static java.util.List<String> operations(JsonNode paths) {
        java.util.List<String> operations = new java.util.ArrayList<>();
        paths.fields()
                .forEachRemaining(path -> path.getValue()
                        .fieldNames()
                        .forEachRemaining(method -> operations.add(method + " " + path.getKey())));
        return operations;
    }
}
