package io.tenantry.app.tenant;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET /api/tenants}: filters, text search, paging with totals, and who sees what. */
class TenantListIT extends IntegrationTest {

    @Test
    void listsACallersOwnTenantsPagedWithTheirTotal() {
        String owner = api.token(uniqueUser("lister"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(create(owner, uniqueSlug("list"), i % 2 == 0 ? "POOLED" : "SILOED", "Listed " + i));
        }
        create(api.token(uniqueUser("someone-else")), uniqueSlug("other"), "POOLED", "Not mine");

        JsonNode first = awaitRead(
                "/api/tenants?limit=2", owner, body -> body.path("total").asLong() == 5);
        assertThat(first.path("items")).hasSize(2);
        assertThat(first.path("offset").asInt()).isZero();
        assertThat(first.path("limit").asInt()).isEqualTo(2);
        assertThat(first.path("items").get(0).path("id").asText())
                .as("newest first")
                .isEqualTo(ids.get(4));
        JsonNode last =
                api.get("/api/tenants?limit=2&offset=4").bearer(owner).send().json();
        assertThat(last.path("items")).hasSize(1);
        assertThat(last.path("items").get(0).path("id").asText()).isEqualTo(ids.get(0));

        JsonNode siloed =
                api.get("/api/tenants?tier=SILOED").bearer(owner).send().json();
        assertThat(siloed.path("total").asLong()).isEqualTo(2);
        assertThat(siloed.path("items").findValuesAsText("tier")).containsOnly("SILOED");
    }

    @Test
    void searchesNamesAndSlugsForPartnerAdmins() {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
        String owner = api.token(uniqueUser("searcher"));
        String byName = create(owner, uniqueSlug("s"), "POOLED", "Company " + marker.toUpperCase());
        String bySlug = create(owner, marker + "-slug", "POOLED", "Plain");
        create(owner, uniqueSlug("s"), "POOLED", "Unrelated");
        String admin = partnerAdmin();

        JsonNode found = awaitRead(
                "/api/tenants?q=" + marker, admin, body -> body.path("total").asLong() == 2);
        assertThat(found.path("items").findValuesAsText("id")).containsExactlyInAnyOrder(byName, bySlug);
        assertThat(api.get("/api/tenants?q=" + marker + "%25")
                        .bearer(admin)
                        .send()
                        .json()
                        .path("total")
                        .asLong())
                .as("a % in the search is a character, not a wildcard")
                .isZero();
    }

    @Test
    void leavesDeletedTenantsOutUnlessAsked() {
        String owner = api.token(uniqueUser("deleter"));
        String kept = create(owner, uniqueSlug("kept"), "POOLED", "Kept");
        String gone = create(owner, uniqueSlug("gone"), "POOLED", "Gone");
        assertThat(api.call("DELETE", "/api/tenants/" + gone)
                        .bearer(owner)
                        .send()
                        .status())
                .isEqualTo(204);

        awaitRead(
                "/api/tenants?status=DELETED", owner, body -> body.path("total").asLong() == 1);
        JsonNode live = api.get("/api/tenants").bearer(owner).send().json();
        assertThat(live.path("items").findValuesAsText("id")).containsExactly(kept);
        JsonNode all =
                api.get("/api/tenants?includeDeleted=true").bearer(owner).send().json();
        assertThat(all.path("items").findValuesAsText("id")).containsExactlyInAnyOrder(kept, gone);
        assertThat(api.get("/api/tenants?status=PENDING_PROVISION")
                        .bearer(owner)
                        .send()
                        .json()
                        .path("items")
                        .findValuesAsText("id"))
                .containsExactly(kept);
    }

    @Test
    void refusesBadParameters() {
        String owner = api.token(uniqueUser("bad"));
        assertProblem(api.get("/api/tenants?status=HAPPY").bearer(owner).send(), 400, "bad_request");
        assertProblem(api.get("/api/tenants?limit=0").bearer(owner).send(), 400, "validation_failed");
        assertProblem(api.get("/api/tenants?limit=201").bearer(owner).send(), 400, "validation_failed");
        assertProblem(api.get("/api/tenants?offset=-1").bearer(owner).send(), 400, "validation_failed");
        assertProblem(api.get("/api/tenants").send(), 401, "unauthenticated");
    }

    private String create(String token, String slug, String tier, String name) {
        Api.Response created = api.post("/api/tenants")
                .bearer(token)
                .json(Map.of("name", name, "slug", slug, "tier", tier))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }
}
