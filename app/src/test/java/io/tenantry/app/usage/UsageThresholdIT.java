package io.tenantry.app.usage;

import static io.tenantry.app.usage.UsageTenants.batch;
import static io.tenantry.app.usage.UsageTenants.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.lifecycle.LifecycleTopicReader;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.Concurrently;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.usage.UsageTenants.Tenant;
import io.tenantry.contracts.entitlement.Enforcement;
import io.tenantry.contracts.entitlement.UsageThresholdReachedEvent;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 80 % and 100 % thresholds of a quota: each reported once per tenant, key and period, on the lifecycle topic,
 * however the records arrive (retried, concurrent, late for the previous month).
 */
class UsageThresholdIT extends IntegrationTest {

    private static final String EVENT_TYPE = UsageThresholdReachedEvent.class.getName();
    private static final String CLOUD_EVENT_TYPE = "io.tenantry.tenant.usage-threshold-reached.v1";

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private EventGateway events;

    @Autowired
    private PlatformTransactionManager transactionManager;

    private UsageTenants tenants;

    @BeforeEach
    void tenants() {
        tenants = new UsageTenants(api);
    }

    @Test
    void eachThresholdOfAPeriodIsReportedOnceOnTheLifecycleTopic() {
        // the free plan: api-calls, hard, 10,000 a month
        Tenant tenant = tenants.create(null);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate month = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1);
        Instant lastMonth = month.atStartOfDay(ZoneOffset.UTC).toInstant().minus(Duration.ofHours(12));

        post(tenant, record("t-1", "api-calls", 7_999, now));
        assertThat(stored(tenant)).as("79.99 %").isEmpty();
        post(tenant, record("t-2", "api-calls", 1, now));
        post(tenant, record("t-2", "api-calls", 1, now)); // retried: counts nothing, reports nothing
        post(tenant, record("t-3", "api-calls", 1_000, now));
        post(tenant, record("t-4", "api-calls", 1_000, now));
        post(tenant, record("t-5", "api-calls", 5, now));
        post(tenant, record("t-6", "api-calls", 9_500, lastMonth));
        post(tenant, record("t-7", "emails", 1_000_000, now)); // no quota of that key: nothing to report

        List<String> ids = stored(tenant);
        assertThat(ids).hasSize(3);
        try (LifecycleTopicReader topic = new LifecycleTopicReader(
                environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                environment.getRequiredProperty("tenantry.lifecycle.topic"))) {
            topic.awaitIds(ids, Duration.ofSeconds(30));
            List<JsonNode> reached = topic.eventsOf(tenant.id()).stream()
                    .filter(event -> CLOUD_EVENT_TYPE.equals(event.path("type").asText()))
                    .toList();
            assertThat(reached).hasSize(3);
            assertThat(reached).allSatisfy(event -> {
                assertThat(event.path("subject").asText()).isEqualTo(tenant.id());
                assertThat(event.path("tenantversion").asLong()).isZero();
                assertThat(event.path("data").path("key").asText()).isEqualTo("api-calls");
                assertThat(event.path("data").path("limit").asLong()).isEqualTo(10_000);
                assertThat(event.path("data").path("enforcement").asText()).isEqualTo("HARD");
            });
            assertThat(reached)
                    .extracting(event -> event.path("data").path("percent").asInt()
                            + "@" + event.path("data").path("used").asLong()
                            + " " + event.path("data").path("periodStart").asText()
                            + ".." + event.path("data").path("periodEnd").asText())
                    .containsExactly(
                            "80@8000 " + month.atStartOfDay(ZoneOffset.UTC).toInstant() + ".."
                                    + month.plusMonths(1)
                                            .atStartOfDay(ZoneOffset.UTC)
                                            .toInstant(),
                            "100@10000 " + month.atStartOfDay(ZoneOffset.UTC).toInstant() + ".."
                                    + month.plusMonths(1)
                                            .atStartOfDay(ZoneOffset.UTC)
                                            .toInstant(),
                            "80@9500 "
                                    + month.minusMonths(1)
                                            .atStartOfDay(ZoneOffset.UTC)
                                            .toInstant() + ".."
                                    + month.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
    }

    @Test
    void concurrentBatchesThatCrossAThresholdTogetherReportItOnce() throws Exception {
        Tenant tenant = tenants.create(null);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            int client = c;
            Api own = newClient();
            calls.add(() -> own.post(tenant.usage())
                    .bearer(tenant.ownerToken())
                    .json(batch(List.of(
                            record("c" + client + "-a", "api-calls", 625, now),
                            record("c" + client + "-b", "api-calls", 625, now))))
                    .send()
                    .status());
        }
        try (Concurrently concurrently = new Concurrently(8)) {
            assertThat(concurrently.run(calls)).containsOnly(200);
        }
        post(tenant, record("after", "api-calls", 1, now)); // and the next ingest reports what the batches missed

        assertThat(stored(tenant)).hasSize(2);
        assertThat(jdbc.queryForList(
                        "select percent from usage_threshold where tenant_id = ? order by percent",
                        Integer.class,
                        tenant.id()))
                .containsExactly(80, 100);
    }

    @Test
    void theEventIsStoredInTheTransactionOfItsThresholdRow() {
        String tenantId = "rollback-" + UUID.randomUUID();
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);

        transactions.executeWithoutResult(status -> {
            threshold(tenantId, 80);
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> threshold(tenantId, 100));

        assertThat(jdbc.queryForList(
                        "select percent from usage_threshold where tenant_id = ?", Integer.class, tenantId))
                .containsExactly(100);
        assertThat(storedPayloads(tenantId))
                .as("the rolled-back event is not in the store, the committed one is")
                .hasSize(1)
                .allSatisfy(payload -> assertThat(payload).contains("\"percent\":100"));
    }

    private void threshold(String tenantId, int percent) {
        jdbc.update("""
                insert into usage_threshold (tenant_id, key, period, period_start, percent, used, quota, reached_at)
                values (?, 'api-calls', 'MONTH', ?, ?, 1, 1, now())""", tenantId, Date.valueOf(LocalDate.of(2026, 1, 1)), percent);
        events.publish(new UsageThresholdReachedEvent(
                tenantId,
                "api-calls",
                percent,
                1,
                1,
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z"),
                Enforcement.SOFT));
    }

    private void post(Tenant tenant, Map<String, Object> record) {
        Api.Response answer = api.post(tenant.usage())
                .bearer(tenant.ownerToken())
                .json(batch(List.of(record)))
                .send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    /** The ids of the tenant's threshold events in the event store, in the store's order. */
    private List<String> stored(Tenant tenant) {
        return jdbc.queryForList("""
                select event_identifier from domain_event_entry
                where payload_type = ? and convert_from(payload, 'UTF8') like ? order by global_index""", String.class, EVENT_TYPE, "%\"tenantId\":\"" + tenant.id() + "\"%");
    }

    private List<String> storedPayloads(String tenantId) {
        return await().atMost(Duration.ofSeconds(1))
                .until(
                        () -> jdbc.queryForList("""
                                select convert_from(payload, 'UTF8') from domain_event_entry
                                where payload_type = ? and convert_from(payload, 'UTF8') like ?""", String.class, EVENT_TYPE, "%\"tenantId\":\"" + tenantId + "\"%"),
                        payloads -> true);
    }
}
