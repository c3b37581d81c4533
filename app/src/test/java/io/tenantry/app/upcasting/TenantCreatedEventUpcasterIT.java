package io.tenantry.app.upcasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import io.tenantry.contracts.tenant.TenantTier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A revision-1 {@code TenantCreatedEvent}, written to the real event store as the skeleton wrote it, is read back
 * by the aggregate side, the projection and the audit endpoint as the current revision, with no contacts.
 */
class TenantCreatedEventUpcasterIT extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private EventStore eventStore;

    @Test
    void readsARevisionOneEventFromTheStoreAsTheCurrentRevision() throws Exception {
        String id = UUID.randomUUID().toString();
        String slug = uniqueSlug("legacy");
        String legacyJson = new String(
                        new ClassPathResource("event-contract/tenant/TenantCreatedEvent.r1.json")
                                .getContentAsByteArray(),
                        StandardCharsets.UTF_8)
                .replace("sample-tenantId", id)
                .replace("sample-name", "Legacy Ltd")
                .replace("sample-slug", slug);
        jdbc.update(
                """
                insert into domain_event_entry (global_index, event_identifier, meta_data, payload, payload_revision,
                    payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                values (nextval('domain_event_entry_seq'), ?, ?, ?, '1', ?, ?, ?, 0, 'Tenant')""",
                UUID.randomUUID().toString(),
                "{\"actorId\":\"legacy-user\"}".getBytes(StandardCharsets.UTF_8),
                legacyJson.getBytes(StandardCharsets.UTF_8),
                TenantCreatedEvent.class.getName(),
                Instant.now().toString(),
                id);

        DomainEventMessage<?> event = eventStore.readEvents(id).next();
        assertThat(event.getPayload())
                .isEqualTo(new TenantCreatedEvent(
                        id,
                        "Legacy Ltd",
                        slug,
                        TenantTier.POOLED,
                        List.of(),
                        null,
                        null,
                        java.util.Map.of(),
                        null,
                        null));
        assertThat(event.getMetaData()).containsEntry("actorId", "legacy-user");

        String admin = api.token(uniqueUser("admin"), List.of("partner-admin"), List.of());
        Api.Response read = await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/api/tenants/" + id).bearer(admin).send(), r -> r.status() == 200);
        JsonNode tenant = read.json();
        assertThat(tenant.path("slug").asText()).isEqualTo(slug);
        assertThat(tenant.path("contacts").isArray()).isTrue();
        assertThat(tenant.path("contacts")).isEmpty();
        assertThat(tenant.path("createdBy").asText()).isEqualTo("legacy-user");

        JsonNode audit = api.get("/api/audit/tenants/" + id + "/events")
                .bearer(admin)
                .send()
                .json();
        assertThat(audit.path("items").get(0).path("payload").path("name").asText())
                .isEqualTo("Legacy Ltd");
    }
}
