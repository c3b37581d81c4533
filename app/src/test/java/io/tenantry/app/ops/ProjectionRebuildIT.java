package io.tenantry.app.ops;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every read model can be reset and replayed from the event store while the app serves, and ends identical, row for
 * row, to what it was: after a rich scenario, each table created by the projections module is read whole, every
 * rebuildable processor is rebuilt through the admin API, and the tables are read again.
 */
class ProjectionRebuildIT extends IntegrationTest {

    private static final Pattern CREATE_TABLE = Pattern.compile("create table (\\w+)");

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void rebuildsEveryReadModelIdenticallyWhileServing() throws IOException {
        String admin = partnerAdmin();
        scenario(admin);
        List<String> readModels = readModelNames(admin);
        assertThat(readModels)
                .contains(
                        "tenant-directory",
                        "tenant-membership",
                        "lead-directory",
                        "invitation-directory",
                        "subscription-directory");
        // quiet first: the sagas' own commands (provisioning, subscriptions) write events after the scenario's
        awaitCaughtUp(admin, streamingProcessorNames(admin));
        Map<String, List<String>> before = snapshot();
        long head = head(admin);

        long started = System.nanoTime();
        for (String name : readModels) {
            Api.Response rebuilt = api.post("/api/admin/projections/" + name + "/rebuild")
                    .bearer(admin)
                    .send();
            assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(202);
        }
        // the app keeps serving while the read models replay
        assertThat(api.get("/api/plans").bearer(admin).send().status()).isEqualTo(200);
        awaitCaughtUp(admin, readModels);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.printf("Rebuilt %d read models from %d events in %d ms%n", readModels.size(), head + 1, millis);

        assertThat(head(admin))
                .as("nothing was written meanwhile, so the tables must be equal")
                .isEqualTo(head);
        Map<String, List<String>> after = snapshot();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((table, rows) -> assertThat(after.get(table))
                .as("table %s after the rebuild", table)
                .containsExactlyElementsOf(rows));
        assertThat(before.values().stream().mapToInt(List::size).sum())
                .as("the scenario filled the read models")
                .isGreaterThan(10);
    }

    @Test
    void refusesWhatIsNotAReadModel() {
        String admin = partnerAdmin();
        JsonNode processors =
                api.get("/api/admin/projections").bearer(admin).send().json();
        assertThat(processors.findValuesAsText("name")).contains("tenant-lifecycle-topic", "SubscriptionSagaProcessor");
        assertProblem(
                api.post("/api/admin/projections/tenant-lifecycle-topic/rebuild")
                        .bearer(admin)
                        .send(),
                409,
                "not_rebuildable");
        assertProblem(
                api.post("/api/admin/projections/SubscriptionSagaProcessor/rebuild")
                        .bearer(admin)
                        .send(),
                409,
                "not_rebuildable");
        assertProblem(
                api.post("/api/admin/projections/no-such-model/rebuild")
                        .bearer(admin)
                        .send(),
                404,
                "projection_not_found");
        assertProblem(
                api.get("/api/admin/projections")
                        .bearer(api.token(uniqueUser("user")))
                        .send(),
                403,
                "forbidden");
    }

    private void scenario(String admin) {
        String owner = uniqueUser("owner");
        String ownerToken = api.token(owner);
        List<String> tenants = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Api.Response created = api.post("/api/tenants")
                    .bearer(ownerToken)
                    .json(Map.of(
                            "name",
                            "Rebuild Co " + i,
                            "slug",
                            uniqueSlug("rebuild"),
                            "tier",
                            i == 0 ? "SILOED" : "POOLED",
                            "planId",
                            i == 2 ? "team" : "free",
                            "contacts",
                            List.of(Map.of(
                                    "name",
                                    "Rhea Rebuild",
                                    "email",
                                    "rhea-" + UUID.randomUUID() + "@example.com",
                                    "primary",
                                    true))))
                    .send();
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            tenants.add(created.json().path("id").asText());
        }
        String first = tenants.get(0);
        String member = uniqueUser("member");
        expect(
                201,
                api.post("/api/tenants/" + first + "/members")
                        .bearer(ownerToken)
                        .json(Map.of("userId", member, "role", "ADMIN"))
                        .send());
        expect(
                200,
                api.call("PATCH", "/api/tenants/" + first + "/members/" + member)
                        .bearer(ownerToken)
                        .json(Map.of("role", "MEMBER"))
                        .send());
        Api.Response team = expect(
                201,
                api.post("/api/tenants/" + first + "/teams")
                        .bearer(ownerToken)
                        .json(Map.of("name", "Core"))
                        .send());
        expect(
                201,
                api.post("/api/tenants/" + first + "/teams/"
                                + team.json().path("teamId").asText() + "/members")
                        .bearer(ownerToken)
                        .json(Map.of("userId", member, "role", "LEAD"))
                        .send());
        expect(
                200,
                api.call("PUT", "/api/tenants/" + first + "/subscription/plan")
                        .bearer(ownerToken)
                        .json(Map.of("planId", "team", "reason", "growth"))
                        .send());
        expect(
                201,
                api.post("/api/tenants/" + first + "/invitations")
                        .bearer(ownerToken)
                        .json(Map.of("email", "invitee-" + UUID.randomUUID() + "@example.com", "role", "MEMBER"))
                        .send());
        expect(
                204,
                api.call("DELETE", "/api/tenants/" + tenants.get(1))
                        .bearer(ownerToken)
                        .send());
        expect(
                200,
                api.post("/api/tenants/" + tenants.get(1) + "/restore")
                        .bearer(admin)
                        .send());
        expect(
                204,
                api.call("DELETE", "/api/tenants/" + tenants.get(2))
                        .bearer(ownerToken)
                        .send());
        expect(
                201,
                api.post("/api/leads")
                        .json(Map.of(
                                "name",
                                "Lee Rebuild",
                                "email",
                                "lead-" + UUID.randomUUID() + "@example.com",
                                "companyName",
                                "Lead Co"))
                        .send());
    }

    private static Api.Response expect(int status, Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    private List<String> readModelNames(String admin) {
        JsonNode processors =
                api.get("/api/admin/projections").bearer(admin).send().json();
        List<String> names = new ArrayList<>();
        processors.forEach(processor -> {
            if (processor.path("rebuildable").asBoolean()) {
                names.add(processor.path("name").asText());
            }
        });
        return names;
    }

    private long head(String admin) {
        return api.get("/api/admin/projections")
                .bearer(admin)
                .send()
                .json()
                .path(0)
                .path("head")
                .asLong();
    }

    /** Every event processor of this process that reads the event store at its own pace (not the subscribing ones). */
    private List<String> streamingProcessorNames(String admin) {
        List<String> names = new ArrayList<>();
        for (JsonNode processor :
                api.get("/api/admin/projections").bearer(admin).send().json()) {
            if (!"subscribing".equals(processor.path("state").asText())) {
                names.add(processor.path("name").asText());
            }
        }
        return names;
    }

    private void awaitCaughtUp(String admin, List<String> names) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    JsonNode processors = api.get("/api/admin/projections")
                            .bearer(admin)
                            .send()
                            .json();
                    for (JsonNode processor : processors) {
                        if (names.contains(processor.path("name").asText())
                                && (!"running".equals(processor.path("state").asText())
                                        || processor.path("lag").asLong(-1) != 0)) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    /** Every table the projections module creates, each as its rows in a stable order. */
    private Map<String, List<String>> snapshot() throws IOException {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : readModelTables()) {
            tables.put(table, jdbc.queryForList("select t::text from " + table + " t order by t::text", String.class));
        }
        return tables;
    }

    private static TreeSet<String> readModelTables() throws IOException {
        TreeSet<String> tables = new TreeSet<>();
        for (Resource migration :
                new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*.sql")) {
            String location = migration.getURL().toString();
            if (!location.contains("/projections/") && !location.contains("projections-")) {
                continue;
            }
            Matcher create = CREATE_TABLE.matcher(migration.getContentAsString(StandardCharsets.UTF_8));
            while (create.find()) {
                tables.add(create.group(1));
            }
        }
        assertThat(tables).as("the projections module's tables").contains("tenant_directory", "lead_directory");
        return tables;
    }
}
