package io.tenantry.app.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.TenantryApplication;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.ProvisioningOrchestrator;
import io.tenantry.app.test.TestProperties;
import io.tenantry.orchestrator.TenantCredentials;
import io.tenantry.orchestrator.TenantResources;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default as a new user starts it, with its in-process reference orchestrator and the generated webhook
 * secret (nothing about provisioning configured): tenants of both tiers go to ACTIVE through the Kafka topic and the
 * signed webhook, with real resources in PostgreSQL that isolate tenants from each other; deletion removes them; a
 * request delivered twice is answered once; a failure is answered with its reason. Runs in a JVM of its own (the
 * {@code orchestrator} surefire execution): its orchestrator answers every request on the topic, which the other
 * integration tests answer themselves.
 */
@SpringBootTest(
        classes = TenantryApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {TestProperties.EPHEMERAL, TestProperties.DEV_KEYS, TestProperties.FORWARDED})
class ReferenceOrchestratorIT {

    private static final Duration PROVISIONED_WITHIN = Duration.ofSeconds(60);

    @LocalServerPort
    private int port;

    @Autowired
    private Environment environment;

    @Autowired
    private JdbcTemplate jdbc;

    private Api api;
    private String owner;
    private String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port, Path.of(environment.getRequiredProperty("tenantry.data-dir")));
        owner = api.token("owner-" + UUID.randomUUID());
        admin = api.token("partner-" + UUID.randomUUID(), List.of("partner-admin"), List.of());
    }

    @Test
    void pooledTenantsBecomeActiveAndSeeOnlyTheirOwnRows() throws SQLException {
        String a = createTenant("POOLED", slug("pool"));
        String b = createTenant("POOLED", slug("pool"));
        awaitStatus(a, "ACTIVE");
        awaitStatus(b, "ACTIVE");
        awaitRead(
                "/api/tenants/" + a + "/subscription",
                body -> body.path("active").asBoolean());

        assertThat(jdbc.queryForObject("select tier from orchestrator.resources where tenant_id = ?", String.class, a))
                .isEqualTo("POOLED");
        try (Connection pool = connect("postgres", TenantResources.POOL_ROLE)) {
            assertThat(visibleTenants(pool, a)).containsExactly(a);
            assertThat(visibleTenants(pool, b)).containsExactly(b);
            assertThat(visibleTenants(pool, "")).isEmpty();
            try (Statement statement = pool.createStatement()) {
                statement.execute("set tenant_pool.tenant_id = '" + a + "'");
                assertThatThrownBy(() -> statement.executeUpdate(
                                "insert into tenant_pool.tenants (tenant_id, slug) values ('" + b + "', 'x')"))
                        .as("a session for tenant A cannot write a row of tenant B")
                        .hasMessageContaining("row-level security");
                assertThat(statement.executeUpdate("delete from tenant_pool.tenants where tenant_id = '" + b + "'"))
                        .as("nor remove one")
                        .isZero();
            }
        }

        delete(a);
        awaitDeprovisioned(a);
        assertThat(count("select count(*) from tenant_pool.tenants where tenant_id = ?", a))
                .isZero();
        assertThat(count("select count(*) from tenant_pool.tenants where tenant_id = ?", b))
                .isOne();
    }

    @Test
    void siloedTenantsGetADatabaseAndRoleNoOtherTenantReaches() throws SQLException {
        String slugA = slug("silo");
        String a = createTenant("SILOED", slugA);
        String b = createTenant("SILOED", slug("silo"));
        awaitStatus(a, "ACTIVE");
        awaitStatus(b, "ACTIVE");
        String databaseA = siloOf(a);
        String databaseB = siloOf(b);
        assertThat(databaseA).isEqualTo(TenantResources.siloName(slugA, a)).startsWith("tenant_silo_");

        try (Connection own = connect(databaseA, databaseA);
                Statement statement = own.createStatement()) {
            statement.execute("create table notes (id int primary key, text text)");
            statement.execute("insert into notes values (1, 'only tenant A sees this')");
        }
        assertThatThrownBy(() -> connect(databaseA, databaseB).close())
                .as("tenant B's role cannot connect to tenant A's database")
                .hasMessageContaining("permission denied for database");
        assertThatThrownBy(() -> connect(databaseB, databaseA).close())
                .as("nor A's to B's")
                .hasMessageContaining("permission denied for database");

        delete(a);
        awaitDeprovisioned(a);
        assertThat(count("select count(*) from pg_database where datname = ?", databaseA))
                .isZero();
        assertThat(count("select count(*) from pg_roles where rolname = ?", databaseA))
                .isZero();
        assertThat(count("select count(*) from pg_database where datname = ?", databaseB))
                .isOne();
        assertThat(count("select count(*) from orchestrator.resources where tenant_id = ?", a))
                .isZero();
    }

    @Test
    void aRequestDeliveredTwiceIsAnsweredOnce() throws Exception {
        String tenant = createTenant("SILOED", slug("twice"));
        awaitStatus(tenant, "ACTIVE");
        String bootstrap = environment.getRequiredProperty("spring.kafka.bootstrap-servers");
        JsonNode request = new ProvisioningOrchestrator(api, bootstrap).awaitRequest(tenant, 1);
        String contextId = request.path("contextId").asText();
        Timestamp answeredAt = jdbc.queryForObject(
                "select answered_at from orchestrator.requests where context_id = ?", Timestamp.class, contextId);
        long receipts = receipts(tenant);
        long events = events(tenant);

        RecordMetadata again = publish(bootstrap, tenant, request.toString());
        awaitConsumed(bootstrap, again);

        assertThat(jdbc.queryForObject(
                        "select answered_at from orchestrator.requests where context_id = ?",
                        Timestamp.class,
                        contextId))
                .as("answered once, when it first came")
                .isEqualTo(answeredAt);
        assertThat(receipts(tenant)).as("no second answer reached the webhook").isEqualTo(receipts);
        assertThat(events(tenant)).isEqualTo(events);
        assertThat(count("select count(*) from pg_database where datname = ?", siloOf(tenant)))
                .isOne();
    }

    @Test
    void aFailureIsAnsweredWithItsReasonAndARetrySucceeds() {
        String slug = slug("taken");
        String database = TenantResources.siloName(slug, "unused");
        jdbc.execute("create database " + database); // someone else's database where the tenant's would go
        String tenant = createTenant("SILOED", slug);
        awaitStatus(tenant, "PROVISION_FAILED");
        JsonNode failed = history(tenant).stream()
                .filter(event -> event.path("type").asText().endsWith("TenantProvisioningFailedEvent"))
                .findFirst()
                .orElseThrow();
        assertThat(failed.path("payload").path("reason").asText())
                .isEqualTo("the orchestrator reported a failure: resource_conflict");

        jdbc.execute("drop database " + database);
        Api.Response retried =
                api.post("/api/tenants/" + tenant + "/provision").bearer(admin).send();
        assertThat(retried.status()).as(retried.toString()).isEqualTo(202);
        awaitStatus(tenant, "ACTIVE");
        assertThat(siloOf(tenant)).isEqualTo(database);
    }

    private String createTenant(String tier, String slug) {
        Api.Response created = api.post("/api/tenants")
                .bearer(owner)
                .json(Map.of("name", "Orchestrated Co", "slug", slug, "tier", tier))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private void delete(String tenant) {
        Api.Response deleted =
                api.call("DELETE", "/api/tenants/" + tenant).bearer(owner).send();
        assertThat(deleted.status()).as(deleted.toString()).isIn(200, 202, 204);
    }

    private void awaitStatus(String tenant, String status) {
        awaitRead(
                "/api/tenants/" + tenant,
                body -> status.equals(body.path("status").asText()));
    }

    private void awaitRead(String path, java.util.function.Predicate<JsonNode> condition) {
        await().atMost(PROVISIONED_WITHIN)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> {
                            Api.Response response = api.get(path).bearer(owner).send();
                            return response.status() == 200 ? response.json() : null;
                        },
                        body -> body != null && condition.test(body));
    }

    private void awaitDeprovisioned(String tenant) {
        await().atMost(PROVISIONED_WITHIN)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> history(tenant).stream()
                        .anyMatch(event -> event.path("type").asText().endsWith("TenantDeprovisionedEvent")));
    }

    private List<JsonNode> history(String tenant) {
        Api.Response response = api.get("/api/audit/tenants/" + tenant + "/events?limit=500")
                .bearer(admin)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        response.json().path("items").forEach(events::add);
        return events;
    }

    private String siloOf(String tenant) {
        return jdbc.queryForObject(
                "select database_name from orchestrator.resources where tenant_id = ? and tier = 'SILOED'",
                String.class,
                tenant);
    }

    /** A connection as a role the orchestrator made, with the password it derives for it. */
    private Connection connect(String database, String role) throws SQLException {
        String url = environment.getRequiredProperty("spring.datasource.url");
        String password = new TenantCredentials(environment.getRequiredProperty("tenantry.provisioning.webhook-secret"))
                .passwordOf(role);
        return DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + database, role, password);
    }

    private static List<String> visibleTenants(Connection pool, String tenant) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement statement = pool.createStatement()) {
            statement.execute("set tenant_pool.tenant_id = '" + tenant + "'");
            try (ResultSet rows = statement.executeQuery("select tenant_id from tenant_pool.tenants")) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private long receipts(String tenant) {
        return count("select count(*) from provisioning_webhook_receipt where tenant_id = ?", tenant);
    }

    private long events(String tenant) {
        return count("select count(*) from domain_event_entry where aggregate_identifier = ?", tenant);
    }

    private long count(String sql, String parameter) {
        Long count = jdbc.queryForObject(sql, Long.class, parameter);
        return count == null ? 0 : count;
    }

    private static RecordMetadata publish(String bootstrap, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            return producer.send(new ProducerRecord<>(ProvisioningOrchestrator.TOPIC, key, value))
                    .get();
        }
    }

    /** Waits until the orchestrator's consumer group has committed past the record. */
    private static void awaitConsumed(String bootstrap, RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            await().atMost(PROVISIONED_WITHIN)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        OffsetAndMetadata committed = admin.listConsumerGroupOffsets("tenantry-orchestrator")
                                .partitionsToOffsetAndMetadata()
                                .get()
                                .get(partition);
                        return committed != null && committed.offset() > record.offset();
                    });
        }
    }

    private static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
