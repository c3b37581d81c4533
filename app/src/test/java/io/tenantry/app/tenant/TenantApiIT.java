package io.tenantry.app.tenant;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.contracts.tenant.CompleteTenantProvisioningCommand;
import io.tenantry.contracts.tenant.StartTenantProvisioningCommand;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The general tenant API (docs/api.md) over HTTP, against PostgreSQL: every write, its rules and its refusals. */
class TenantApiIT extends IntegrationTest {

    @Autowired
    private CommandGateway commands;

    @Test
    void createsATenantWithItsWholeProfile() {
        String owner = api.token(uniqueUser("owner"));
        String slug = uniqueSlug("full");
        Api.Response created = api.post("/api/tenants")
                .bearer(owner)
                .json(Map.of(
                        "name",
                        "Full Profile Ltd",
                        "slug",
                        slug,
                        "tier",
                        "SILOED",
                        "contacts",
                        List.of(Map.of(
                                "name", "Ann", "email", "ann-" + UUID.randomUUID() + "@full.example", "primary", true)),
                        "address",
                        Map.of("line1", "1 Main St", "city", "Springfield", "country", "US"),
                        "industry",
                        "Manufacturing",
                        "settings",
                        Map.of("locale", "en-GB")))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();

        JsonNode tenant = awaitRead("/api/tenants/" + id, owner, body -> true);
        assertThat(tenant.path("tier").asText()).isEqualTo("SILOED");
        assertThat(tenant.path("address").path("city").asText()).isEqualTo("Springfield");
        assertThat(tenant.path("industry").asText()).isEqualTo("Manufacturing");
        assertThat(tenant.path("settings").path("locale").asText()).isEqualTo("en-GB");
        assertThat(tenant.path("contacts").get(0).path("name").asText()).isEqualTo("Ann");
        assertThat(tenant.path("version").asLong()).isEqualTo(1);
    }

    @Test
    void refusesASlugALiveTenantHas() {
        String slug = uniqueSlug("taken");
        create(api.token(uniqueUser("first")), slug);

        Api.Response second = api.post("/api/tenants")
                .bearer(api.token(uniqueUser("second")))
                .json(Map.of("name", "Second", "slug", slug, "tier", "POOLED"))
                .send();

        assertThat(assertProblem(second, 409, "slug_taken").path("detail").asText())
                .contains(slug);
    }

    @Test
    void replacesAndPatchesWithVersionsAsEtags() {
        String owner = api.token(uniqueUser("owner"));
        String id = create(owner, uniqueSlug("edit"));

        Api.Response replaced = api.call("PUT", "/api/tenants/" + id)
                .bearer(owner)
                .header("If-Match", "\"1\"")
                .json(Map.of("name", "Edited", "slug", uniqueSlug("edited"), "industry", "Retail"))
                .send();
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.header("ETag")).hasValue("\"2\"");
        assertThat(replaced.json().path("name").asText()).isEqualTo("Edited");
        assertThat(replaced.json().path("industry").asText()).isEqualTo("Retail");

        assertProblem(
                api.call("PATCH", "/api/tenants/" + id)
                        .bearer(owner)
                        .header("If-Match", "\"1\"")
                        .json(Map.of("name", "Lost update"))
                        .send(),
                412,
                "version_mismatch");
        Api.Response patched = api.call("PATCH", "/api/tenants/" + id)
                .bearer(owner)
                .header("If-Match", "\"2\"")
                .json(Map.of("industry", "Wholesale"))
                .send();
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("name").asText()).isEqualTo("Edited");
        assertThat(patched.json().path("industry").asText()).isEqualTo("Wholesale");

        JsonNode read = awaitRead(
                "/api/tenants/" + id, owner, body -> body.path("version").asLong() == 3);
        assertThat(read.path("industry").asText()).isEqualTo("Wholesale");
    }

    @Test
    void movesTheSlugWithTheTenant() {
        String owner = api.token(uniqueUser("owner"));
        String oldSlug = uniqueSlug("old");
        String newSlug = uniqueSlug("new");
        String id = create(owner, oldSlug);

        assertThat(api.call("PATCH", "/api/tenants/" + id)
                        .bearer(owner)
                        .json(Map.of("slug", newSlug))
                        .send()
                        .status())
                .isEqualTo(200);

        assertThat(create(api.token(uniqueUser("other")), oldSlug))
                .as("the old slug is free again")
                .isNotBlank();
        assertProblem(
                api.post("/api/tenants")
                        .bearer(owner)
                        .json(Map.of("name", "X", "slug", newSlug, "tier", "POOLED"))
                        .send(),
                409,
                "slug_taken");
    }

    @Test
    void refusesAnotherTierAndInvalidProfiles() {
        String owner = api.token(uniqueUser("owner"));
        String id = create(owner, uniqueSlug("tier"));

        assertProblem(
                api.call("PATCH", "/api/tenants/" + id)
                        .bearer(owner)
                        .json(Map.of("tier", "SILOED"))
                        .send(),
                409,
                "tier_immutable");
        JsonNode invalid = assertProblem(
                api.call("PUT", "/api/tenants/" + id)
                        .bearer(owner)
                        .json(Map.of("name", "", "slug", "NOPE"))
                        .send(),
                400,
                "validation_failed");
        assertThat(invalid.path("errors").findValuesAsText("field")).contains("name", "slug");
        assertProblem(
                api.call("PATCH", "/api/tenants/" + id)
                        .bearer(owner)
                        .json("{\"settings\": {\"\": \"x\"}}")
                        .send(),
                400,
                "validation_failed");
    }

    @Test
    void hidesATenantFromStrangersWritingToIt() {
        String id = create(api.token(uniqueUser("owner")), uniqueSlug("hidden"));
        String stranger = api.token(uniqueUser("stranger"));

        assertProblem(
                api.call("PATCH", "/api/tenants/" + id)
                        .bearer(stranger)
                        .json(Map.of("name", "Mine"))
                        .send(),
                404,
                "tenant_not_found");
        assertProblem(api.call("DELETE", "/api/tenants/" + id).bearer(stranger).send(), 404, "tenant_not_found");
        assertProblem(
                api.call("PATCH", "/api/tenants/" + UUID.randomUUID())
                        .bearer(stranger)
                        .json(Map.of("name", "Nobody"))
                        .send(),
                404,
                "tenant_not_found");
    }

    @Test
    void softDeletesAndRestores() {
        String owner = api.token(uniqueUser("owner"));
        String admin = partnerAdmin();
        String slug = uniqueSlug("gone");
        String id = create(owner, slug);

        Api.Response deleted =
                api.call("DELETE", "/api/tenants/" + id).bearer(owner).send();
        assertThat(deleted.status()).isEqualTo(204);
        assertProblem(api.call("DELETE", "/api/tenants/" + id).bearer(owner).send(), 404, "tenant_not_found");
        assertProblem(
                api.call("DELETE", "/api/tenants/" + UUID.randomUUID())
                        .bearer(admin)
                        .send(),
                404,
                "tenant_not_found");

        awaitRead(
                "/api/tenants/" + id + "?includeDeleted=true",
                owner,
                body -> "DELETED".equals(body.path("status").asText()));
        assertProblem(api.get("/api/tenants/" + id).bearer(owner).send(), 404, "tenant_not_found");
        assertThat(awaitRead("/api/tenants/" + id + "?includeDeleted=true", admin, body -> true)
                        .path("deletedAt")
                        .isNull())
                .isFalse();

        assertProblem(api.post("/api/tenants/" + id + "/restore").bearer(owner).send(), 403, "forbidden");
        Api.Response restored =
                api.post("/api/tenants/" + id + "/restore").bearer(admin).send();
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(restored.json().path("status").asText()).isEqualTo("PENDING_PROVISION");
        assertProblem(api.post("/api/tenants/" + id + "/restore").bearer(admin).send(), 409, "tenant_not_deleted");
        awaitRead(
                "/api/tenants/" + id,
                owner,
                body -> "PENDING_PROVISION".equals(body.path("status").asText()));
    }

    @Test
    void refusesToRestoreATenantWhoseSlugWasTakenMeanwhile() {
        String owner = api.token(uniqueUser("owner"));
        String admin = partnerAdmin();
        String slug = uniqueSlug("reused");
        String id = create(owner, slug);
        assertThat(api.call("DELETE", "/api/tenants/" + id).bearer(owner).send().status())
                .isEqualTo(204);
        String successor = create(api.token(uniqueUser("successor")), slug);

        assertThat(assertProblem(
                                api.post("/api/tenants/" + id + "/restore")
                                        .bearer(admin)
                                        .send(),
                                409,
                                "slug_taken")
                        .path("detail")
                        .asText())
                .contains(slug);
        assertThat(successor).isNotEqualTo(id);
        assertThat(awaitRead(
                                "/api/tenants/by-slug/" + slug,
                                admin,
                                body -> successor.equals(body.path("id").asText()))
                        .path("id")
                        .asText())
                .isEqualTo(successor);
    }

    @Test
    void suspendsAndReactivatesAnActiveTenant() {
        String owner = api.token(uniqueUser("owner"));
        String admin = partnerAdmin();
        String id = create(owner, uniqueSlug("susp"));

        assertProblem(
                api.post("/api/tenants/" + id + "/suspend").bearer(admin).send(), 409, "invalid_status_transition");
        commands.sendAndWait(new StartTenantProvisioningCommand(id, "test-context"));
        commands.sendAndWait(new CompleteTenantProvisioningCommand(id));

        assertProblem(api.post("/api/tenants/" + id + "/suspend").bearer(owner).send(), 403, "forbidden");
        Api.Response suspended = api.post("/api/tenants/" + id + "/suspend")
                .bearer(admin)
                .json(Map.of("reason", "unpaid invoices"))
                .send();
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        assertThat(suspended.json().path("status").asText()).isEqualTo("SUSPENDED");
        assertProblem(
                api.post("/api/tenants/" + id + "/suspend").bearer(admin).send(), 409, "invalid_status_transition");

        Api.Response reactivated =
                api.post("/api/tenants/" + id + "/reactivate").bearer(admin).send();
        assertThat(reactivated.json().path("status").asText()).isEqualTo("ACTIVE");
        awaitRead(
                "/api/tenants/" + id,
                owner,
                body -> "ACTIVE".equals(body.path("status").asText())
                        && body.path("version").asLong()
                                == reactivated.json().path("version").asLong());
    }

    @Test
    void findsALiveTenantBySlug() {
        String owner = api.token(uniqueUser("owner"));
        String slug = uniqueSlug("byslug");
        String id = create(owner, slug);

        assertThat(awaitRead("/api/tenants/by-slug/" + slug, owner, body -> true)
                        .path("id")
                        .asText())
                .isEqualTo(id);
        assertProblem(
                api.get("/api/tenants/by-slug/" + slug)
                        .bearer(api.token(uniqueUser("stranger")))
                        .send(),
                404,
                "tenant_not_found");
        assertProblem(
                api.get("/api/tenants/by-slug/no-such-" + UUID.randomUUID())
                        .bearer(owner)
                        .send(),
                404,
                "tenant_not_found");
    }

    @Test
    void refusesBadIfMatchHeaders() {
        String owner = api.token(uniqueUser("owner"));
        String id = create(owner, uniqueSlug("etag"));

        assertProblem(
                api.call("PATCH", "/api/tenants/" + id)
                        .bearer(owner)
                        .header("If-Match", "\"abc\"")
                        .json(Map.of("name", "X"))
                        .send(),
                412,
                "version_mismatch");
        assertProblem(
                api.call("PATCH", "/api/tenants/" + id)
                        .bearer(owner)
                        .header("If-Match", "\"99\"")
                        .json(Map.of("name", "X"))
                        .send(),
                412,
                "version_mismatch");
        assertThat(api.call("PATCH", "/api/tenants/" + id)
                        .bearer(owner)
                        .header("If-Match", "*")
                        .json(Map.of("name", "Y"))
                        .send()
                        .status())
                .isEqualTo(200);
    }

    private String create(String token, String slug) {
        Api.Response created = api.post("/api/tenants")
                .bearer(token)
                .json(Map.of("name", "Tenant " + slug, "slug", slug, "tier", "POOLED"))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }
}
