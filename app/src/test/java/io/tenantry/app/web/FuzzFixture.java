package io.tenantry.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantry.app.test.Api;
import io.tenantry.contracts.JsonNames;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the fuzzer aims at: a tenant with an OWNER, a member, a team, a pending invitation, a lead; and a foreign
 * tenant of someone else, whose name must never show in an answer to the OWNER. Also the valid-shaped body of each
 * endpoint, from its request record (with values that pass validation), for the fuzzer to mutate.
 */
final class FuzzFixture {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final AtomicLong SERIAL = new AtomicLong();

    final String partnerAdminToken;
    final String ownerId;
    final String ownerToken;
    final String tenantId;
    final String slug;
    final String memberId;
    final String teamId;
    final String invitationId;
    final String leadId;
    final String foreignTenantId;
    final String foreignSlug;
    final String foreignOwnerId;
    /** Appears nowhere but in the foreign tenant: an answer to anyone else that holds it leaks that tenant. */
    final String foreignMarker;

    private FuzzFixture(Api api) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        partnerAdminToken = api.token(
                "fuzz-partner-" + run,
                List.of("partner-admin"),
                List.of("tenant:create", "tenant:update", "tenant:delete"));
        ownerId = "fuzz-owner-" + run;
        ownerToken = api.token(ownerId);
        slug = "fuzz-" + run;
        tenantId = created(api.post("/api/tenants")
                .bearer(ownerToken)
                .json(Map.of(
                        "name",
                        "Fuzz Co " + run,
                        "slug",
                        slug,
                        "tier",
                        "POOLED",
                        "contacts",
                        List.of(Map.of(
                                "name", "Fuzz Admin", "email", "fuzz-admin-" + run + "@example.com", "primary", true))))
                .send());
        memberId = "fuzz-member-" + run;
        created(api.post("/api/tenants/" + tenantId + "/members")
                .bearer(ownerToken)
                .json(Map.of("userId", memberId, "role", "MEMBER"))
                .send());
        Api.Response team = api.post("/api/tenants/" + tenantId + "/teams")
                .bearer(ownerToken)
                .json(Map.of("name", "Fuzz Team"))
                .send();
        created(team);
        teamId = team.json().path("teamId").asText();
        invitationId = created(api.post("/api/tenants/" + tenantId + "/invitations")
                .bearer(ownerToken)
                .json(Map.of("email", "fuzz-invitee-" + run + "@example.com", "role", "MEMBER"))
                .send());
        leadId = created(api.post("/api/leads")
                .json(Map.of(
                        "name",
                        "Fuzz Lead",
                        "email",
                        "fuzz-lead-" + run + "@example.com",
                        "companyName",
                        "Fuzz Lead Co"))
                .send());
        foreignOwnerId = "fuzz-foreigner-" + run;
        foreignSlug = "foreign-" + run;
        foreignMarker = "Foreign Secretive " + UUID.randomUUID();
        foreignTenantId = created(api.post("/api/tenants")
                .bearer(api.token(foreignOwnerId))
                .json(Map.of("name", foreignMarker, "slug", foreignSlug, "tier", "POOLED"))
                .send());
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/api/tenants/" + tenantId + "/members/" + memberId)
                                .bearer(ownerToken)
                                .send()
                                .status()
                        == 200);
    }

    static FuzzFixture create(Api api) {
        return new FuzzFixture(api);
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as("fixture: %s", response).isEqualTo(201);
        return response.json().path("id").asText();
    }

    /** The fixture's value for a path variable, or the foreign tenant's when {@code foreign}. */
    String pathValue(String variable, boolean foreign) {
        return switch (variable) {
            case "tenantId" -> foreign ? foreignTenantId : tenantId;
            case "slug" -> foreign ? foreignSlug : slug;
            case "userId" -> foreign ? foreignOwnerId : memberId;
            case "teamId" -> teamId;
            case "invitationId" -> invitationId;
            case "leadId" -> leadId;
            default -> foreign ? foreignTenantId : tenantId;
        };
    }

    /** A body the endpoint would take (or nearly: its values pass validation), or null when it reads none. */
    JsonNode seedBody(FuzzEndpoint endpoint) {
        if (endpoint.bodyType() == null) {
            return null;
        }
        if (endpoint.bodyType() == String.class) {
            return endpoint.pattern().contains("stripe")
                    ? new ObjectMapper()
                            .valueToTree(Map.of(
                                    "id",
                                    "evt_fuzz",
                                    "object",
                                    "event",
                                    "type",
                                    "invoice.paid",
                                    "data",
                                    Map.of(
                                            "object",
                                            Map.of("id", "in_fuzz", "object", "invoice", "customer", "cus_fuzz"))))
                    : new ObjectMapper().valueToTree(Map.of("status", "success", "initiatorId", tenantId, "type", 0));
        }
        if (endpoint.pattern().endsWith("/bulk")) {
            ArrayNode items = NODES.arrayNode();
            items.addObject()
                    .put("client_name", "Fuzz Bulk " + SERIAL.incrementAndGet())
                    .put("email", "fuzz-bulk-" + SERIAL.get() + "@example.com");
            return items;
        }
        return value("body", endpoint.bodyType(), 0);
    }

    private JsonNode value(String name, Type type, int depth) {
        Class<?> raw = type instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType()
                : type instanceof Class<?> plain ? plain : Object.class;
        if (raw.isRecord() && depth < 4) {
            ObjectNode object = NODES.objectNode();
            for (RecordComponent component : raw.getRecordComponents()) {
                object.set(
                        JsonNames.of(raw, component.getName()),
                        value(component.getName(), component.getGenericType(), depth + 1));
            }
            return object;
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return NODES.textNode(constants[(int) (SERIAL.incrementAndGet() % constants.length)].toString());
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return NODES.booleanNode(true);
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return NODES.numberNode(name.toLowerCase(Locale.ROOT).contains("hours") ? 24 : 1);
        }
        if (raw == Instant.class) {
            return NODES.textNode(Instant.now().toString());
        }
        if (List.class.isAssignableFrom(raw) && type instanceof ParameterizedType parameterized) {
            return NODES.arrayNode().add(value(name, parameterized.getActualTypeArguments()[0], depth + 1));
        }
        if (Map.class.isAssignableFrom(raw)) {
            return NODES.objectNode().put("fuzzKey", "fuzz value");
        }
        if (raw == String.class) {
            return NODES.textNode(text(name));
        }
        return NODES.objectNode();
    }

    private String text(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        long serial = SERIAL.incrementAndGet();
        if (key.contains("email")) {
            return "fuzz-" + serial + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        }
        if (key.equals("slug")) {
            return "fuzz-slug-" + serial + "-" + UUID.randomUUID().toString().substring(0, 6);
        }
        if (key.contains("userid")) {
            return memberId;
        }
        if (key.equals("planid")) {
            return serial % 2 == 0 ? "team" : "free";
        }
        if (key.equals("identityprovider")) {
            return "AUTH0";
        }
        if (key.contains("phone")) {
            return "+1 555 0100";
        }
        if (key.equals("country")) {
            return "DE";
        }
        return "Fuzz " + name + " " + serial;
    }
}
