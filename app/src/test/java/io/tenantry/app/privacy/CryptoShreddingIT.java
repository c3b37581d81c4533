package io.tenantry.app.privacy;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.Processors;
import io.tenantry.command.tenant.Tenant;
import io.tenantry.contracts.privacy.Erasure;
import io.tenantry.contracts.privacy.SubjectFingerprints;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Crypto-shredding end to end on the real event store: no plaintext is stored, erasure makes the bytes unreadable,
 * and the aggregate, the read model, a full rebuild and the audit endpoint all keep working with the marker.
 */
class CryptoShreddingIT extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private SubjectFingerprints fingerprints;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private ApplicationContext context;

    @Test
    void erasesAPersonEverywhereWhileEverythingKeepsWorking() {
        String admin = api.token(uniqueUser("admin"), List.of("partner-admin"), List.of());
        String owner = api.token(uniqueUser("owner"));
        String janeEmail = "jane-" + UUID.randomUUID() + "@example.com";
        String johnEmail = "john-" + UUID.randomUUID() + "@example.com";
        Api.Response created = api.post("/api/tenants")
                .bearer(owner)
                .json(Map.of(
                        "name",
                        "Shredded Inc",
                        "slug",
                        uniqueSlug("shred"),
                        "tier",
                        "POOLED",
                        "contacts",
                        List.of(
                                Map.of(
                                        "name",
                                        "Jane Secret",
                                        "email",
                                        janeEmail,
                                        "phone",
                                        "+44 20 7946 0001",
                                        "primary",
                                        true),
                                Map.of("name", "John Public", "email", johnEmail))))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();

        String raw = rawPayloadOf(id);
        assertThat(raw)
                .doesNotContain(janeEmail)
                .doesNotContain("Jane Secret")
                .doesNotContain("7946 0001")
                .doesNotContain(johnEmail)
                .doesNotContain("John Public")
                .contains("Shredded Inc");
        JsonNode before =
                awaitTenant(id, owner, tenant -> tenant.path("contacts").size() == 2);
        assertThat(before.path("contacts").get(0).path("email").asText()).isEqualTo(janeEmail);

        assertProblem(
                api.call("DELETE", "/api/privacy/subjects?email=" + janeEmail)
                        .bearer(owner)
                        .send(),
                403,
                "forbidden");
        assertThat(api.call("DELETE", "/api/privacy/subjects?email=" + janeEmail.toUpperCase())
                        .bearer(admin)
                        .send()
                        .status())
                .isEqualTo(204);
        assertProblem(
                api.call("DELETE", "/api/privacy/subjects?email=" + janeEmail)
                        .bearer(admin)
                        .send(),
                404,
                "unknown_data_subject");

        JsonNode after = awaitTenant(
                id,
                owner,
                tenant -> Erasure.MARKER.equals(
                        tenant.path("contacts").get(0).path("email").asText()));
        assertErased(after.path("contacts").get(0), true);
        assertThat(after.path("contacts").get(1).path("email").asText()).isEqualTo(johnEmail);

        assertThat(rawPayloadOf(id)).as("events are never rewritten").isEqualTo(raw);
        assertThat(jdbc.queryForObject(
                        "select count(*) from privacy_subject_key where subject_id = ?",
                        Integer.class,
                        fingerprints.of(janeEmail)))
                .as("the only key that could open them is gone")
                .isZero();
        String erasedEvent = jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where payload_type = 'io.tenantry.contracts.privacy.PersonalDataErasedEvent'
                  and convert_from(payload, 'UTF8') like ?""", String.class, "%" + fingerprints.of(janeEmail) + "%");
        assertThat(erasedEvent).doesNotContain(janeEmail).doesNotContain("jane-");

        assertThat(loadTenantVersion(id))
                .as("the aggregate still loads: created, owner added")
                .isEqualTo(1);

        Processors.replay(processing, eventStore, "tenant-directory");
        JsonNode rebuilt =
                awaitTenant(id, owner, tenant -> tenant.path("contacts").size() == 2);
        assertThat(rebuilt.path("contacts")).isEqualTo(after.path("contacts"));

        Api.Response audit =
                api.get("/api/audit/tenants/" + id + "/events").bearer(admin).send();
        assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
        JsonNode first = audit.json().path("items").get(0);
        assertThat(first.path("type").asText()).isEqualTo("TenantCreatedEvent");
        assertErased(first.path("payload").path("contacts").get(0), true);
        assertThat(first.path("payload").path("contacts").get(1).path("name").asText())
                .isEqualTo("John Public");
        List<String> tenantEvents = new ArrayList<>();
        audit.json().path("items").forEach(item -> {
            if ("Tenant".equals(item.path("aggregateType").asText())) {
                tenantEvents.add(item.path("type").asText());
            }
        });
        assertThat(tenantEvents)
                .as("the tenant's own events (its subscription's come along)")
                .containsExactly("TenantCreatedEvent", "MemberAddedEvent");
    }

    @Test
    void refusesErasureRequestsThatNameNobody() {
        String admin = api.token(uniqueUser("admin"), List.of("partner-admin"), List.of());

        assertProblem(
                api.call("DELETE", "/api/privacy/subjects?email=nobody-" + UUID.randomUUID() + "@example.com")
                        .bearer(admin)
                        .send(),
                404,
                "unknown_data_subject");
        assertProblem(api.call("DELETE", "/api/privacy/subjects").bearer(admin).send(), 400, "bad_request");
        assertProblem(
                api.call("DELETE", "/api/privacy/subjects?email=not-an-address")
                        .bearer(admin)
                        .send(),
                400,
                "validation_failed");
    }

    @Test
    void keepsAuditForPartnerAdminsOnly() {
        String owner = api.token(uniqueUser("owner"));
        Api.Response created = api.post("/api/tenants")
                .bearer(owner)
                .json(Map.of("name", "Audited", "slug", uniqueSlug("audit"), "tier", "SILOED"))
                .send();
        String id = created.json().path("id").asText();

        assertProblem(
                api.get("/api/audit/tenants/" + id + "/events").bearer(owner).send(), 403, "forbidden");
        String admin = api.token(uniqueUser("admin"), List.of("partner-admin"), List.of());
        assertProblem(
                api.get("/api/audit/tenants/" + UUID.randomUUID() + "/events")
                        .bearer(admin)
                        .send(),
                404,
                "tenant_not_found");
        assertProblem(
                api.get("/api/audit/tenants/" + id + "/events?limit=0")
                        .bearer(admin)
                        .send(),
                400,
                "validation_failed");
    }

    private void assertErased(JsonNode contact, boolean hadPhone) {
        assertThat(contact.path("name").asText()).isEqualTo(Erasure.MARKER);
        assertThat(contact.path("email").asText()).isEqualTo(Erasure.MARKER);
        assertThat(contact.path("phone").asText()).isEqualTo(hadPhone ? Erasure.MARKER : "null");
        assertThat(contact.path("primary").asBoolean()).isTrue();
    }

    private JsonNode awaitTenant(String id, String token, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> {
                            Api.Response response =
                                    api.get("/api/tenants/" + id).bearer(token).send();
                            return response.status() == 200 ? response.json() : null;
                        },
                        tenant -> tenant != null && condition.test(tenant));
    }

    private String rawPayloadOf(String aggregateId) {
        return new String(
                jdbc.queryForObject(
                        "select payload from domain_event_entry where aggregate_identifier = ? and sequence_number = 0",
                        byte[].class,
                        aggregateId),
                StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private long loadTenantVersion(String id) {
        Repository<Tenant> repository = context.getBean("tenantRepository", Repository.class);
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            Aggregate<Tenant> tenant = repository.load(id);
            return tenant.version();
        } finally {
            unitOfWork.rollback();
        }
    }
}
