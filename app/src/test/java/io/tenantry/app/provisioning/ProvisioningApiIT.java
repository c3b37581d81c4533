package io.tenantry.app.provisioning;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The partner provisioning API, exactly: its body, its answer, and its 400/401/403/404/409 as problem+json. */
class ProvisioningApiIT extends IntegrationTest {

    private static final String PATH = "/api/provisioning/tenants";

    @Test
    void provisionsATenantAndAnswersInTheSeedsShape() {
        String admin = partnerAdmin("tenant:create");
        String clientName = "Example Corp " + UUID.randomUUID().toString().substring(0, 8);
        String email = "admin-" + UUID.randomUUID() + "@example.com";

        Api.Response created = api.post(PATH)
                .bearer(admin)
                .json(Map.of(
                        "client_name",
                        clientName,
                        "email",
                        email,
                        "phone_number",
                        "+1234567890",
                        "industry",
                        "Technology"))
                .send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(fieldNames(body))
                .containsExactly(
                        "tenant", "client_name", "email", "phone_number", "industry", "created_at", "updated_at");
        String id = body.path("tenant").asText();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(body.path("client_name").asText()).isEqualTo(clientName);
        assertThat(body.path("email").asText()).isEqualTo(email);
        assertThat(body.path("phone_number").asText()).isEqualTo("+1234567890");
        assertThat(body.path("industry").asText()).isEqualTo("Technology");
        assertThat(Instant.parse(body.path("created_at").asText()))
                .isEqualTo(Instant.parse(body.path("updated_at").asText()));
        assertThat(created.header("Location")).hasValue("http://localhost:" + port + PATH + "/" + id);

        JsonNode read = awaitRead(PATH + "/" + id, admin, response -> true);
        assertThat(read).as("GET answers what POST answered").isEqualTo(body);
        JsonNode tenant = awaitRead("/api/tenants/" + id, admin, response -> true);
        assertThat(tenant.path("slug").asText()).isEqualTo(TenantSlug.of(clientName));
        assertThat(tenant.path("tier").asText()).isEqualTo("POOLED");
    }

    @Test
    void leavesOptionalFieldsNull() {
        Api.Response created = api.post(PATH)
                .bearer(partnerAdmin("tenant:create"))
                .json(Map.of("client_name", "Minimal " + UUID.randomUUID(), "email", "m@example.com"))
                .send();

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("phone_number").isNull()).isTrue();
        assertThat(created.json().path("industry").isNull()).isTrue();
    }

    @Test
    void answers400ForInvalidInput() {
        String admin = partnerAdmin("tenant:create");

        assertThat(fields(assertProblem(
                        api.post(PATH)
                                .bearer(admin)
                                .json(Map.of("email", "a@example.com"))
                                .send(),
                        400,
                        "validation_failed")))
                .containsExactly("client_name");
        assertThat(fields(assertProblem(
                        api.post(PATH)
                                .bearer(admin)
                                .json(Map.of("client_name", "", "email", "a@example.com"))
                                .send(),
                        400,
                        "validation_failed")))
                .containsExactly("client_name");
        assertThat(fields(assertProblem(
                        api.post(PATH)
                                .bearer(admin)
                                .json(Map.of("client_name", "x".repeat(256), "email", "a@example.com"))
                                .send(),
                        400,
                        "validation_failed")))
                .containsExactly("client_name");
        JsonNode badEmail = assertProblem(
                api.post(PATH)
                        .bearer(admin)
                        .json(Map.of("client_name", "Acme", "email", "nope"))
                        .send(),
                400,
                "validation_failed");
        assertThat(badEmail.path("errors").get(0).path("message").asText()).isEqualTo("Invalid email address");
        assertThat(fields(assertProblem(
                        api.post(PATH)
                                .bearer(admin)
                                .json(Map.of("client_name", "Acme", "email", "a@example.com", "plan", "gold"))
                                .send(),
                        400,
                        "validation_failed")))
                .containsExactly("plan");
        assertProblem(api.post(PATH).bearer(admin).json("{\"client_name\": ").send(), 400, "malformed_body");
        assertProblem(
                api.post(PATH)
                        .bearer(admin)
                        .json(Map.of("client_name", "!!", "email", "a@example.com"))
                        .send(),
                400,
                "invalid_client_name");
    }

    @Test
    void answers401WithoutAValidToken() {
        assertProblem(
                api.post(PATH)
                        .json(Map.of("client_name", "Acme", "email", "a@example.com"))
                        .send(),
                401,
                "unauthenticated");
        assertProblem(
                api.post(PATH)
                        .bearer("garbage")
                        .json(Map.of("client_name", "Acme", "email", "a@example.com"))
                        .send(),
                401,
                "unauthenticated");
    }

    @Test
    void answers403WithoutTheRoleOrThePermission() {
        Map<String, String> body = Map.of("client_name", "Acme", "email", "a@example.com");
        assertProblem(
                api.post(PATH)
                        .bearer(api.token(uniqueUser("plain"), List.of(), List.of("tenant:create")))
                        .json(body)
                        .send(),
                403,
                "forbidden");
        assertProblem(api.post(PATH).bearer(partnerAdmin()).json(body).send(), 403, "forbidden");
        assertProblem(
                api.post(PATH).bearer(partnerAdmin("tenant:update")).json(body).send(), 403, "forbidden");
        assertProblem(
                api.get(PATH + "/" + UUID.randomUUID())
                        .bearer(api.token(uniqueUser("plain")))
                        .send(),
                403,
                "forbidden");
    }

    @Test
    void answers409WhenALiveTenantHasTheDerivedSlug() {
        String admin = partnerAdmin("tenant:create");
        String clientName = "Dup Corp " + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post(PATH)
                        .bearer(admin)
                        .json(Map.of("client_name", clientName, "email", "a@example.com"))
                        .send()
                        .status())
                .isEqualTo(201);

        assertProblem(
                api.post(PATH)
                        .bearer(admin)
                        .json(Map.of("client_name", clientName.toUpperCase() + "!", "email", "b@example.com"))
                        .send(),
                409,
                "slug_taken");
    }

    @Test
    void answers404ForUnknownTenants() {
        String admin = partnerAdmin("tenant:update", "tenant:delete");
        String unknown = PATH + "/" + UUID.randomUUID();

        assertProblem(api.get(unknown).bearer(admin).send(), 404, "tenant_not_found");
        assertProblem(
                api.call("PUT", unknown)
                        .bearer(admin)
                        .json(Map.of("client_name", "X Co", "email", "x@example.com"))
                        .send(),
                404,
                "tenant_not_found");
        assertProblem(
                api.call("PATCH", unknown)
                        .bearer(admin)
                        .json(Map.of("industry", "X"))
                        .send(),
                404,
                "tenant_not_found");
        assertProblem(api.call("DELETE", unknown).bearer(admin).send(), 404, "tenant_not_found");
    }

    @Test
    void updatesFullyAndPartially() {
        String admin = partnerAdmin("tenant:create", "tenant:update");
        String id = provision(admin, "Updatable " + UUID.randomUUID().toString().substring(0, 8));

        Api.Response replaced = api.call("PUT", PATH + "/" + id)
                .bearer(admin)
                .json(Map.of("client_name", "Renamed Corp", "email", "new@example.com"))
                .send();
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().path("client_name").asText()).isEqualTo("Renamed Corp");
        assertThat(replaced.json().path("email").asText()).isEqualTo("new@example.com");
        assertThat(replaced.json().path("phone_number").isNull())
                .as("PUT clears what it leaves out")
                .isTrue();
        assertThat(replaced.json().path("industry").isNull()).isTrue();
        assertThat(Instant.parse(replaced.json().path("updated_at").asText()))
                .isAfter(Instant.parse(replaced.json().path("created_at").asText()));

        Api.Response patched = api.call("PATCH", PATH + "/" + id)
                .bearer(admin)
                .json(Map.of("industry", "Energy"))
                .send();
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("client_name").asText()).isEqualTo("Renamed Corp");
        assertThat(patched.json().path("industry").asText()).isEqualTo("Energy");

        assertThat(awaitRead(
                        PATH + "/" + id,
                        admin,
                        body -> "Energy".equals(body.path("industry").asText())))
                .isEqualTo(patched.json());
        assertProblem(
                api.call("PATCH", PATH + "/" + id)
                        .bearer(admin)
                        .json(Map.of("email", "not-an-address"))
                        .send(),
                400,
                "validation_failed");
        assertProblem(
                api.call("PATCH", PATH + "/" + id)
                        .bearer(partnerAdmin())
                        .json(Map.of("industry", "X"))
                        .send(),
                403,
                "forbidden");
    }

    @Test
    void softDeletes() {
        String creator = partnerAdmin("tenant:create");
        String id =
                provision(creator, "Deletable " + UUID.randomUUID().toString().substring(0, 8));
        String deleter = partnerAdmin("tenant:delete");

        assertProblem(api.call("DELETE", PATH + "/" + id).bearer(creator).send(), 403, "forbidden");
        assertThat(api.call("DELETE", PATH + "/" + id).bearer(deleter).send().status())
                .isEqualTo(204);
        assertProblem(api.call("DELETE", PATH + "/" + id).bearer(deleter).send(), 404, "tenant_not_found");
        awaitRead(
                "/api/tenants/" + id + "?includeDeleted=true",
                deleter,
                body -> "DELETED".equals(body.path("status").asText()));
        assertProblem(api.get(PATH + "/" + id).bearer(deleter).send(), 404, "tenant_not_found");
    }

    @Test
    void provisionsInBulkItemByItem() {
        String admin = partnerAdmin("tenant:create");
        String taken = "Bulk Taken " + UUID.randomUUID().toString().substring(0, 8);
        provision(admin, taken);
        Map<String, Object> good = Map.of(
                "client_name",
                "Bulk Good " + UUID.randomUUID().toString().substring(0, 8),
                "email",
                "good@example.com");
        Map<String, Object> invalid = Map.of("client_name", "Bulk Invalid", "email", "nope");
        Map<String, Object> duplicate = Map.of("client_name", taken, "email", "dup@example.com");
        Map<String, Object> unknownField = new LinkedHashMap<>(good);
        unknownField.put(
                "client_name", "Bulk Unknown " + UUID.randomUUID().toString().substring(0, 8));
        unknownField.put("plan", "gold");
        Map<String, Object> lastGood = Map.of(
                "client_name",
                "Bulk Last " + UUID.randomUUID().toString().substring(0, 8),
                "email",
                "last@example.com");

        Api.Response bulk = api.post(PATH + "/bulk")
                .bearer(admin)
                .json(List.of(good, invalid, duplicate, unknownField, lastGood))
                .send();

        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(200);
        JsonNode results = bulk.json().path("results");
        assertThat(results).hasSize(5);
        List<Integer> statuses = new java.util.ArrayList<>();
        results.forEach(result -> statuses.add(result.path("status").asInt()));
        assertThat(statuses).containsExactly(201, 400, 409, 400, 201);
        assertThat(results.get(0).path("tenant").path("client_name").asText()).isEqualTo(good.get("client_name"));
        assertThat(results.get(1).path("problem").path("code").asText()).isEqualTo("validation_failed");
        assertThat(results.get(1)
                        .path("problem")
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("email");
        assertThat(results.get(2).path("problem").path("code").asText()).isEqualTo("slug_taken");
        assertThat(results.get(3)
                        .path("problem")
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("plan");
        assertThat(bulk.json().path("created").asInt()).isEqualTo(2);
        assertThat(bulk.json().path("failed").asInt()).isEqualTo(3);
        awaitRead(PATH + "/" + results.get(4).path("tenant").path("tenant").asText(), admin, body -> true);

        assertProblem(api.post(PATH + "/bulk").bearer(admin).json(List.of()).send(), 400, "validation_failed");
        assertProblem(
                api.post(PATH + "/bulk")
                        .bearer(admin)
                        .json(Map.of("client_name", "not a list"))
                        .send(),
                400,
                "malformed_body");
        assertProblem(
                api.post(PATH + "/bulk")
                        .bearer(partnerAdmin())
                        .json(List.of(good))
                        .send(),
                403,
                "forbidden");
    }

    private String provision(String token, String clientName) {
        Api.Response created = api.post(PATH)
                .bearer(token)
                .json(Map.of(
                        "client_name",
                        clientName,
                        "email",
                        "p@example.com",
                        "phone_number",
                        "+10000",
                        "industry",
                        "Testing"))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("tenant").asText();
    }

    private static List<String> fields(JsonNode problem) {
        return problem.path("errors").findValuesAsText("field");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The slug the provisioning API derives, written out here as the test's own oracle. */
    private static final class TenantSlug {
        static String of(String clientName) {
            return clientName.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        }
    }
}
