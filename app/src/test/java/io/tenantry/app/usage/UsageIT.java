package io.tenantry.app.usage;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static io.tenantry.app.usage.UsageTenants.batch;
import static io.tenantry.app.usage.UsageTenants.record;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.Concurrently;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.usage.UsageTenants.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Usage ingest over HTTP: exactly once per record id, exact daily counters under concurrency, refusals, access. */
class UsageIT extends IntegrationTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private UsageTenants tenants;

    @BeforeEach
    void tenants() {
        tenants = new UsageTenants(api);
    }

    @Test
    void aRetriedBatchCountsNothingTwice() {
        Tenant tenant = tenants.create(null);
        Instant yesterday = NOW.minus(Duration.ofDays(1));
        List<Map<String, Object>> records = List.of(
                record("r-1", "api-calls", 5, NOW),
                record("r-2", "api-calls", 7, yesterday),
                record("r-3", "storage-gb", 2, NOW),
                record("r-1", "api-calls", 5, NOW)); // the same id twice in one batch counts once

        JsonNode first = post(tenant, records);
        JsonNode again = post(tenant, records);
        JsonNode oneNew =
                post(tenant, List.of(record("r-3", "storage-gb", 2, NOW), record("r-4", "api-calls", 1, NOW)));

        assertThat(first.path("records").asInt()).isEqualTo(4);
        assertThat(first.path("accepted").asInt()).isEqualTo(3);
        assertThat(first.path("duplicates").asInt()).isEqualTo(1);
        assertThat(again.path("accepted").asInt()).isZero();
        assertThat(again.path("duplicates").asInt()).isEqualTo(4);
        assertThat(oneNew.path("accepted").asInt()).isEqualTo(1);
        assertThat(oneNew.path("duplicates").asInt()).isEqualTo(1);
        String from = "?from=" + day(yesterday) + "&to=" + day(NOW);
        assertThat(tenants.counters(tenant, from))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "api-calls/" + day(yesterday), 7L,
                        "api-calls/" + day(NOW), 6L,
                        "storage-gb/" + day(NOW), 2L));
        assertThat(tenants.counters(tenant, from + "&key=storage-gb"))
                .containsExactly(Map.entry("storage-gb/" + day(NOW), 2L));
        JsonNode read = api.get(tenant.usage() + from)
                .bearer(tenant.ownerToken())
                .send()
                .json();
        assertThat(read.path("totals").path("api-calls").asLong()).isEqualTo(13);
        assertThat(read.path("from").asText()).isEqualTo(day(yesterday));
    }

    @Test
    void countersAreExactUnderSixteenConcurrentClientsThatRetry() throws Exception {
        Tenant first = tenants.create(null);
        Tenant second = tenants.create(null);
        String partner = partnerAdmin();
        int clients = 16;
        int batches = 6;
        int perBatch = 120;
        List<String> keys = List.of("api-calls", "emails");
        List<Instant> days = List.of(NOW, NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofDays(2)));
        // every client's batches, decided up front: the distinct records are what the counters must add up to
        List<List<List<Map<String, Object>>>> plan = new ArrayList<>();
        Map<String, Long> expected = new TreeMap<>();
        Random random = new Random(23);
        for (int c = 0; c < clients; c++) {
            List<List<Map<String, Object>>> mine = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int r = 0; r < perBatch; r++) {
                    Tenant tenant = random.nextBoolean() ? first : second;
                    String key = keys.get(random.nextInt(keys.size()));
                    Instant at = days.get(random.nextInt(days.size()));
                    long quantity = 1 + random.nextInt(1_000);
                    batch.add(record(tenant.id(), "c" + c + "-b" + b + "-r" + r, key, quantity, at));
                    expected.merge(tenant.id() + "/" + key + "/" + day(at), quantity, Long::sum);
                }
                mine.add(batch);
            }
            plan.add(mine);
        }
        List<Callable<int[]>> calls = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<List<Map<String, Object>>> mine = plan.get(c);
            List<List<Map<String, Object>>> neighbours = plan.get((c + 1) % clients);
            Api client = newClient();
            calls.add(() -> {
                int accepted = 0;
                int duplicates = 0;
                int sent = 0;
                for (int b = 0; b < mine.size(); b++) {
                    List<List<Map<String, Object>>> sends = new ArrayList<>(List.of(mine.get(b), mine.get(b)));
                    if (b % 2 == 0) {
                        sends.add(neighbours.get(b)); // another client's batch, as a retry from elsewhere would be
                    }
                    for (List<Map<String, Object>> records : sends) {
                        Api.Response answer = client.post("/api/usage")
                                .bearer(partner)
                                .json(batch(records))
                                .send();
                        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                        accepted += answer.json().path("accepted").asInt();
                        duplicates += answer.json().path("duplicates").asInt();
                        sent += records.size();
                    }
                }
                return new int[] {accepted, duplicates, sent};
            });
        }
        List<int[]> results;
        try (Concurrently concurrently = new Concurrently(clients)) {
            results = concurrently.run(calls);
        }

        int distinct = clients * batches * perBatch;
        assertThat(results.stream().mapToInt(r -> r[0]).sum())
                .as("each distinct record accepted once, whoever sent it first")
                .isEqualTo(distinct);
        assertThat(results.stream().mapToInt(r -> r[0] + r[1]).sum())
                .isEqualTo(results.stream().mapToInt(r -> r[2]).sum());
        Map<String, Long> counted = new TreeMap<>();
        String range = "?from=" + day(days.get(2)) + "&to=" + day(NOW);
        for (Tenant tenant : List.of(first, second)) {
            Api.Response read = api.get(tenant.usage() + range).bearer(partner).send();
            read.json()
                    .path("days")
                    .forEach(d -> counted.put(
                            tenant.id() + "/" + d.path("key").asText() + "/"
                                    + d.path("day").asText(),
                            d.path("quantity").asLong()));
        }
        assertThat(counted).isEqualTo(expected);
    }

    @Test
    void aBatchWithAnInvalidRecordIsRefusedWholeAndNamesTheRecords() {
        Tenant tenant = tenants.create(null);
        List<Map<String, Object>> records = new ArrayList<>(List.of(
                record("ok-1", "api-calls", 1, NOW),
                record("bad-key", "API Calls", 1, NOW),
                record("ok-2", "api-calls", 1, NOW),
                record("zero", "api-calls", 0, NOW),
                record("future", "api-calls", 1, NOW.plus(Duration.ofMinutes(10))),
                record("old", "api-calls", 1, NOW.minus(Duration.ofDays(36))),
                record("x".repeat(129), "api-calls", 1, NOW)));
        records.add(Map.of("id", "no-time", "key", "api-calls", "quantity", 1, "timestamp", "yesterday"));

        JsonNode problem = assertProblem(post(tenant, records, 400), 400, "validation_failed");

        List<Integer> indexes = new ArrayList<>();
        problem.path("indexes").forEach(i -> indexes.add(i.asInt()));
        assertThat(indexes).containsExactly(1, 3, 4, 5, 6, 7);
        assertThat(problem.path("errors").findValuesAsText("field"))
                .containsExactly(
                        "records[1].key",
                        "records[3].quantity",
                        "records[4].timestamp",
                        "records[5].timestamp",
                        "records[6].id",
                        "records[7].timestamp");
        assertThat(problem.path("detail").asText()).contains("nothing was recorded");
        assertThat(tenants.counters(tenant, "")).as("nothing stored").isEmpty();

        assertProblem(post(tenant, List.of(), 400), 400, "validation_failed");
        List<Map<String, Object>> tooMany = IntStream.range(0, 1_001)
                .mapToObj(i -> record("many-" + i, "api-calls", 1, NOW))
                .toList();
        assertProblem(post(tenant, tooMany, 400), 400, "validation_failed");
        Api.Response unknownField = api.post(tenant.usage())
                .bearer(tenant.ownerToken())
                .json(batch(List.of(Map.of(
                        "id", "u", "key", "api-calls", "quantity", 1, "timestamp", NOW.toString(), "tenantId", "t"))))
                .send();
        assertProblem(unknownField, 400, "validation_failed");
        Api.Response notJson = api.post(tenant.usage())
                .bearer(tenant.ownerToken())
                .json("{\"records\": [")
                .send();
        assertThat(notJson.status()).isEqualTo(400);
        Api.Response wrongType = api.post(tenant.usage())
                .bearer(tenant.ownerToken())
                .json("{\"records\": [{\"id\":\"a\",\"key\":\"api-calls\",\"quantity\":\"lots\"," + "\"timestamp\":\""
                        + NOW + "\"}]}")
                .send();
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(tenants.counters(tenant, "")).as("still nothing stored").isEmpty();

        assertThat(post(tenant, List.of(record("ok-1", "api-calls", 1, NOW)))
                        .path("accepted")
                        .asInt())
                .as("the refused batch's valid records were not recorded")
                .isEqualTo(1);
    }

    @Test
    void unknownTenantsAreRefusedAndNothingOfTheBatchIsStored() {
        Tenant tenant = tenants.create(null);
        String partner = partnerAdmin();
        String unknown = UUID.randomUUID().toString();

        Api.Response perTenant = api.post("/api/tenants/" + unknown + "/usage")
                .bearer(partner)
                .json(batch(List.of(record("a", "api-calls", 1, NOW))))
                .send();
        Api.Response many = api.post("/api/usage")
                .bearer(partner)
                .json(batch(List.of(
                        record(tenant.id(), "a", "api-calls", 1, NOW), record(unknown, "b", "api-calls", 1, NOW))))
                .send();

        assertProblem(perTenant, 404, "tenant_not_found");
        JsonNode problem = assertProblem(many, 422, "unknown_tenant");
        assertThat(problem.path("tenantIds").get(0).asText()).isEqualTo(unknown);
        assertThat(problem.path("tenantIds").size()).isEqualTo(1);
        assertThat(tenants.counters(tenant, "")).isEmpty();
    }

    @Test
    void ownersAdminsAndPartnerAdminsReportMembersRead() {
        Tenant tenant = tenants.create(null);
        String admin = tenants.addMember(tenant, "ADMIN");
        String member = tenants.addMember(tenant, "MEMBER");
        String stranger = api.token(uniqueUser("stranger"));
        List<Map<String, Object>> one = List.of(record("access-1", "api-calls", 1, NOW));

        assertThat(send(tenant.usage(), admin, one).status()).isEqualTo(200);
        assertThat(send(tenant.usage(), partnerAdmin(), one).status()).isEqualTo(200);
        assertProblem(send(tenant.usage(), member, one), 403, "insufficient_role");
        assertProblem(send(tenant.usage(), stranger, one), 404, "tenant_not_found");
        assertProblem(
                api.post("/api/usage")
                        .bearer(tenant.ownerToken())
                        .json(batch(List.of(record(tenant.id(), "x", "api-calls", 1, NOW))))
                        .send(),
                403,
                "forbidden");

        assertThat(api.get(tenant.usage()).bearer(member).send().status()).isEqualTo(200);
        assertProblem(api.get(tenant.usage()).bearer(stranger).send(), 404, "tenant_not_found");
        assertProblem(
                api.get(tenant.usage() + "?from=2026-02-01&to=2026-01-01")
                        .bearer(member)
                        .send(),
                400,
                "invalid_range");
        assertProblem(
                api.get(tenant.usage() + "?from=2024-01-01&to=2026-01-01")
                        .bearer(member)
                        .send(),
                400,
                "invalid_range");
        assertProblem(api.get(tenant.usage() + "?from=yesterday").bearer(member).send(), 400, "bad_request");
    }

    private Api.Response send(String path, String token, List<Map<String, Object>> records) {
        return api.post(path).bearer(token).json(batch(records)).send();
    }

    private JsonNode post(Tenant tenant, List<Map<String, Object>> records) {
        Api.Response answer = post(tenant, records, 200);
        return answer.json();
    }

    private Api.Response post(Tenant tenant, List<Map<String, Object>> records, int status) {
        Api.Response answer = send(tenant.usage(), tenant.ownerToken(), records);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        return answer;
    }

    private static String day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }
}
