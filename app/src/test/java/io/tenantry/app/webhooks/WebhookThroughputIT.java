package io.tenantry.app.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rough measure of the sender alone: deliveries queued straight into the table, sent to a receiver on loopback.
 * Logs the rate; fails only far below what the benchmark asks (500 a second on two cores), a shared test machine
 * being no benchmark.
 */
class WebhookThroughputIT extends IntegrationTest {

    private static final int DELIVERIES = 3_000;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSenderDeliversHundredsASecondToOneEndpoint() throws Exception {
        String owner = uniqueUser("rate-owner");
        String token = api.token(owner);
        String slug = uniqueSlug("rate");
        Api.Response tenant = api.post("/api/tenants")
                .bearer(token)
                .json(Map.of("name", "Rate " + slug, "slug", slug, "tier", "POOLED"))
                .send();
        String tenantId = tenant.json().path("id").asText();
        try (Receiver receiver = Receiver.ok()) {
            Api.Response created = api.post("/api/tenants/" + tenantId + "/webhooks")
                    .bearer(token)
                    .json(Map.of("url", receiver.url(), "eventTypes", List.of("audit.*")))
                    .send();
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String endpointId = created.json().path("id").asText();
            byte[] body = ("{\"specversion\":\"1.0\",\"id\":\"x\",\"padding\":\"" + "x".repeat(400) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            Instant now = Instant.now();
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < DELIVERIES; i++) {
                rows.add(new Object[] {
                    "msg_rate_" + UUID.randomUUID(),
                    endpointId,
                    "e-" + i,
                    "io.tenantry.audit.x.v1",
                    body,
                    Timestamp.from(now),
                    Timestamp.from(now.plusSeconds(3600)),
                    Timestamp.from(now)
                });
            }
            long started = System.nanoTime();
            jdbc.batchUpdate("""
                    insert into webhook_delivery (id, endpoint_id, event_id, event_type, event_position, body, status,
                                                  next_attempt_at, give_up_at, created_at)
                    values (?, ?, ?, ?, 0, ?, 'PENDING', ?, ?, ?)""", rows);
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> jdbc.queryForObject(
                                    "select count(*) from webhook_delivery where endpoint_id = ? and status = 'DELIVERED'"
                                            + " and id like 'msg\\_rate\\_%'",
                                    Integer.class, endpointId)
                            == DELIVERIES);
            double seconds = (System.nanoTime() - started) / 1e9;
            double rate = DELIVERIES / seconds;
            System.out.printf("webhook sender: %d deliveries in %.2f s, %.0f a second%n", DELIVERIES, seconds, rate);
            // besides the tenant's own audit entries (its creation, the endpoint's), which the endpoint asked for
            assertThat(receiver.received.stream()
                            .filter(r -> r.header("webhook-id").startsWith("msg_rate_"))
                            .count())
                    .isEqualTo(DELIVERIES);
            assertThat(rate).isGreaterThan(150);
        }
    }
}
