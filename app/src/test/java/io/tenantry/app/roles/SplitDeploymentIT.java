package io.tenantry.app.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.TenantryApplication;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The split deployment: one command process and two query processes, separate JVMs on one PostgreSQL event store and
 * one Kafka. A write on the command process is readable on both query processes, and the two share the segmented
 * read models (tenant-directory, tenant-membership: two segments) through their tracking tokens, one segment each.
 */
class SplitDeploymentIT extends IntegrationTest {

    private static final List<String> SEGMENTED = List.of("tenant-directory", "tenant-membership");

    @Autowired
    private JdbcTemplate jdbc;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() {
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    @Test
    void aWriteOnTheCommandProcessIsReadOnBothQueryProcesses() throws Exception {
        String database =
                "split_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.execute("create database " + database);
        String url = jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        Path dataDir = Files.createTempDirectory("tenantry-split");
        Path logs = Files.createDirectories(Path.of("target", "split-deployment"));

        int commandPort = freePort();
        start("command", commandPort, url, dataDir, logs);
        Api command = awaitUp(commandPort, dataDir);
        int firstPort = freePort();
        int secondPort = freePort();
        start("query", firstPort, url, dataDir, logs);
        start("query", secondPort, url, dataDir, logs);
        Api first = awaitUp(firstPort, dataDir);
        Api second = awaitUp(secondPort, dataDir);

        String owner = uniqueUser("owner");
        String ownerToken = command.token(owner);
        List<String> tenants = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Api.Response created = command.post("/api/tenants")
                    .bearer(ownerToken)
                    .json(Map.of("name", "Split Co " + i, "slug", uniqueSlug("split"), "tier", "POOLED"))
                    .send();
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            tenants.add(created.json().path("id").asText());
        }
        assertThat(command.get("/api/tenants/" + tenants.get(0))
                        .bearer(ownerToken)
                        .send()
                        .status())
                .as("the command process serves no reads")
                .isIn(404, 405);

        for (Api query : List.of(first, second)) {
            for (String tenantId : tenants) {
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> query.get("/api/tenants/" + tenantId)
                                        .bearer(ownerToken)
                                        .send()
                                        .status()
                                == 200);
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> query.get("/api/users/" + owner + "/tenants")
                                    .bearer(ownerToken)
                                    .send()
                                    .json()
                                    .path("total")
                                    .asInt()
                            == tenants.size());
        }

        String admin = command.token(uniqueUser("partner"), List.of("partner-admin"), List.of());
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    for (String processor : SEGMENTED) {
                        assertThat(segments(first, admin, processor) + segments(second, admin, processor))
                                .as("%s: its two segments, one in each query process", processor)
                                .isEqualTo(2);
                        assertThat(segments(first, admin, processor))
                                .as("%s in the first query process", processor)
                                .isEqualTo(1);
                    }
                });
    }

    private static int segments(Api api, String token, String processor) {
        for (JsonNode status :
                api.get("/api/admin/projections").bearer(token).send().json()) {
            if (processor.equals(status.path("name").asText())) {
                return status.path("segments").asInt();
            }
        }
        return 0;
    }

    private String jdbcUrl() throws SQLException {
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            return connection.getMetaData().getURL();
        }
    }

    private void start(String role, int port, String url, Path dataDir, Path logs) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                TenantryApplication.class.getName(),
                "--spring.profiles.active=" + role,
                "--server.port=" + port,
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username", "postgres"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                "--spring.kafka.bootstrap-servers=" + environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                "--tenantry.data-dir=" + dataDir,
                "--tenantry.embedded.enabled=false",
                "--tenantry.security.generate-dev-keys=true",
                "--tenantry.provisioning.auto-start=false",
                "--tenantry.lifecycle.topic=split-" + dataDir.getFileName() + ".tenant-lifecycle",
                // two segments, one thread each: a second query process takes the segment the first leaves
                "--axon.eventhandling.processors.tenant-directory.thread-count=1",
                "--axon.eventhandling.processors.tenant-membership.thread-count=1"));
        Path log = logs.resolve(role + "-" + port + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        processes.add(process);
    }

    private Api awaitUp(int port, Path dataDir) {
        Api api = new Api(port, dataDir);
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    assertThat(processes)
                            .allSatisfy(process -> assertThat(process.isAlive())
                                    .as("a process died")
                                    .isTrue());
                    return api.get("/actuator/health").send().status() == 200;
                });
        return api;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
