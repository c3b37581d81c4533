package io.tenantry.app.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantry.app.TenantryApplication;
import io.tenantry.app.test.Api;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.core.env.Environment;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The slice against PostgreSQL 17 and Kafka in containers, for machines with a Docker engine; skipped (not failed)
 * without one. The embedded default stays off: the containers are the database and the broker.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(
        classes = TenantryApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tenantry.embedded.enabled=false",
            "tenantry.embedded.mode=ephemeral",
            "tenantry.security.generate-dev-keys=true"
        })
class TestcontainersPostgresIT {

    @Container
    @ServiceConnection
    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:17-alpine");

    @Container
    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Test
    void createsAndReadsATenant() {
        Api api = new Api(port, Path.of(environment.getRequiredProperty("tenantry.data-dir")));
        String token = api.token("container-user");

        Api.Response created = api.post("/api/tenants")
                .bearer(token)
                .json(Map.of("name", "Boxed", "slug", "boxed-tenant", "tier", "SILOED"))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();

        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/tenants/" + id).bearer(token).send().status() == 200);
    }
}
