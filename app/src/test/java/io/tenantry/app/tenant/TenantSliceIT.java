package io.tenantry.app.tenant;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.contracts.MetaDataKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The walking skeleton's slice over HTTP: POST /api/tenants → event store → read model → GET /api/tenants/{id}. */
class TenantSliceIT extends IntegrationTest {

    @Autowired
    private EventStore eventStore;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void createsATenantAndReadsItBack() {
        String alice = uniqueUser("alice");
        String slug = uniqueSlug("acme");
        String token = api.token(alice);

        Api.Response created = api.post("/api/tenants")
                .bearer(token)
                .json(Map.of("name", "Acme Corp", "slug", slug, "tier", "POOLED"))
                .send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(created.header("Location")).hasValue("http://localhost:" + port + "/api/tenants/" + id);
        assertThat(created.header("ETag"))
                .as("created, and its creator made OWNER: two events")
                .hasValue("\"1\"");
        assertThat(created.json().path("version").asLong()).isEqualTo(1);

        Api.Response read = await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/api/tenants/" + id).bearer(token).send(), response -> response.status() != 404);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        JsonNode tenant = read.json();
        assertThat(tenant.path("id").asText()).isEqualTo(id);
        assertThat(tenant.path("name").asText()).isEqualTo("Acme Corp");
        assertThat(tenant.path("slug").asText()).isEqualTo(slug);
        assertThat(tenant.path("tier").asText()).isEqualTo("POOLED");
        assertThat(tenant.path("status").asText()).isEqualTo("PENDING_PROVISION");
        assertThat(tenant.path("createdBy").asText()).isEqualTo(alice);
        assertThat(read.header("ETag")).hasValue("\"1\"");
    }

    @Test
    void recordsTheActorAndTheCorrelationIdOnTheEvent() {
        String bob = uniqueUser("bob");
        String correlationId = "it-" + UUID.randomUUID();

        Api.Response created = api.post("/api/tenants")
                .bearer(api.token(bob))
                .header("X-Correlation-Id", correlationId)
                .json(Map.of("name", "Bob's Shop", "slug", uniqueSlug("bob"), "tier", "SILOED"))
                .send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("X-Correlation-Id")).hasValue(correlationId);
        String id = created.json().path("id").asText();
        List<? extends DomainEventMessage<?>> events =
                eventStore.readEvents(id).asStream().toList();
        assertThat(events).hasSize(2);
        assertThat(events.get(0).getPayloadType().getSimpleName()).isEqualTo("TenantCreatedEvent");
        assertThat(events.get(0).getMetaData())
                .containsEntry(MetaDataKeys.ACTOR_ID, bob)
                .containsEntry(MetaDataKeys.CORRELATION_ID, correlationId)
                .containsKey(MetaDataKeys.CAUSATION_ID);
    }

    @Test
    void generatesACorrelationIdWhenTheCallerSendsNoneOrABadOne() {
        Api.Response created = api.post("/api/tenants")
                .bearer(api.token(uniqueUser("carol")))
                .header("X-Correlation-Id", "not valid; has spaces")
                .json(Map.of("name", "Carol", "slug", uniqueSlug("carol"), "tier", "POOLED"))
                .send();

        assertThat(created.status()).isEqualTo(201);
        String correlationId = created.header("X-Correlation-Id").orElseThrow();
        assertThat(UUID.fromString(correlationId)).isNotNull();
        String id = created.json().path("id").asText();
        assertThat(eventStore.readEvents(id).next().getMetaData())
                .containsEntry(MetaDataKeys.CORRELATION_ID, correlationId);
    }

    @Test
    void refusesARequestWithoutAToken() {
        Api.Response response = api.post("/api/tenants")
                .json(Map.of("name", "Acme", "slug", uniqueSlug("anon"), "tier", "POOLED"))
                .send();

        assertProblem(response, 401, "unauthenticated");
        assertThat(response.header("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertProblem(api.get("/api/tenants/" + UUID.randomUUID()).send(), 401, "unauthenticated");
    }

    @Test
    void refusesMalformedJson() {
        Api.Response response = api.post("/api/tenants")
                .bearer(api.token(uniqueUser("dave")))
                .json("{\"name\": \"Acme\", \"slug\": ")
                .send();

        JsonNode problem = assertProblem(response, 400, "malformed_body");
        assertThat(problem.path("detail").asText()).contains("not valid JSON");
    }

    @Test
    void refusesAnInvalidBodyWithOneErrorPerField() {
        Api.Response response = api.post("/api/tenants")
                .bearer(api.token(uniqueUser("erin")))
                .json(Map.of("name", " ", "slug", "Not A Slug"))
                .send();

        JsonNode problem = assertProblem(response, 400, "validation_failed");
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("name", "slug", "tier");
    }

    @Test
    void refusesAnUnknownTierNamingTheAllowedOnes() {
        Api.Response response = api.post("/api/tenants")
                .bearer(api.token(uniqueUser("fay")))
                .json(Map.of("name", "Fay", "slug", uniqueSlug("fay"), "tier", "GOLD"))
                .send();

        JsonNode problem = assertProblem(response, 400, "validation_failed");
        JsonNode error = problem.path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("tier");
        assertThat(error.path("message").asText())
                .contains("GOLD")
                .contains("POOLED")
                .contains("SILOED");
    }

    @Test
    void refusesUnknownFields() {
        Api.Response response = api.post("/api/tenants")
                .bearer(api.token(uniqueUser("gus")))
                .json(Map.of(
                        "name", "Gus", "slug", uniqueSlug("gus"), "tier", "POOLED", "tenantId", "chosen-by-client"))
                .send();

        JsonNode problem = assertProblem(response, 400, "validation_failed");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("tenantId");
    }

    @Test
    void storesNothingForARefusedRequest() {
        String slug = uniqueSlug("refused");
        api.post("/api/tenants")
                .bearer(api.token(uniqueUser("hal")))
                .json(Map.of("name", "", "slug", slug, "tier", "POOLED"))
                .send();

        Integer stored = jdbc.queryForObject(
                "select count(*) from domain_event_entry where convert_from(payload, 'UTF8') like ?",
                Integer.class,
                "%" + slug + "%");
        assertThat(stored).isZero();
    }

    @Test
    void answers404ForAnUnknownTenant() {
        assertProblem(
                api.get("/api/tenants/" + UUID.randomUUID())
                        .bearer(api.token(uniqueUser("ivy")))
                        .send(),
                404,
                "tenant_not_found");
    }

    @Test
    void hidesATenantFromOtherUsersButNotFromPartnerAdmins() {
        String owner = api.token(uniqueUser("jo"));
        Api.Response created = api.post("/api/tenants")
                .bearer(owner)
                .json(Map.of("name", "Jo's", "slug", uniqueSlug("jo"), "tier", "POOLED"))
                .send();
        String id = created.json().path("id").asText();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/tenants/" + id).bearer(owner).send().status() == 200);

        assertProblem(
                api.get("/api/tenants/" + id)
                        .bearer(api.token(uniqueUser("mallory")))
                        .send(),
                404,
                "tenant_not_found");
        Api.Response asAdmin = api.get("/api/tenants/" + id)
                .bearer(api.token(uniqueUser("admin"), List.of("partner-admin"), List.of()))
                .send();
        assertThat(asAdmin.status()).isEqualTo(200);
        assertThat(asAdmin.json().path("id").asText()).isEqualTo(id);
    }

    @Test
    void answersUnknownRoutesWithAProblem() {
        assertProblem(
                api.get("/api/no-such-thing")
                        .bearer(api.token(uniqueUser("kim")))
                        .send(),
                404,
                "not_found");
        assertProblem(
                api.call("PATCH", "/api/tenants")
                        .bearer(api.token(uniqueUser("kim")))
                        .json("{}")
                        .send(),
                405,
                "method_not_allowed");
    }
}
