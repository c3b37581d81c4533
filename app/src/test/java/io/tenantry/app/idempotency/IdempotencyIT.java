package io.tenantry.app.idempotency;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.app.test.Api;
import io.tenantry.app.test.Concurrently;
import io.tenantry.app.test.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Idempotency-Key: a retry gets the first answer and writes nothing; another request under the same key is 422; of
 * concurrent retries exactly one runs. And If-Match under concurrency: of writers on one version, exactly one wins.
 */
class IdempotencyIT extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    private long tenantsCreatedWithSlug(String slug) {
        Long count = jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where payload_type = 'io.tenantry.contracts.tenant.TenantCreatedEvent'
                  and convert_from(payload, 'UTF8')::jsonb ->> 'slug' = ?""", Long.class, slug);
        return count == null ? 0 : count;
    }

    private Api.Response create(String token, String key, String slug) {
        return api.post("/api/tenants")
                .bearer(token)
                .header("Idempotency-Key", key)
                .json(Map.of("name", "Once Co", "slug", slug, "tier", "POOLED"))
                .send();
    }

    private static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    @Test
    void aRetryGetsTheFirstAnswerAndWritesNothing() {
        String owner = api.token(uniqueUser("owner"));
        String slug = uniqueSlug("once");
        String key = newKey();

        Api.Response first = create(owner, key, slug);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        Api.Response retry = create(owner, key, slug);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.json().path("id").asText())
                .isEqualTo(first.json().path("id").asText());
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(tenantsCreatedWithSlug(slug)).isEqualTo(1);

        // without a key the same request is a new request: here, a taken slug
        assertProblem(
                api.post("/api/tenants")
                        .bearer(owner)
                        .json(Map.of("name", "Once Co", "slug", slug, "tier", "POOLED"))
                        .send(),
                409,
                "slug_taken");
    }

    @Test
    void theSameKeyForAnotherRequestIs422AndChangesNothing() {
        String owner = api.token(uniqueUser("owner"));
        String key = newKey();
        String slug = uniqueSlug("first");
        assertThat(create(owner, key, slug).status()).isEqualTo(201);

        String other = uniqueSlug("other");
        assertProblem(create(owner, key, other), 422, "idempotency_key_reused");
        assertThat(tenantsCreatedWithSlug(other)).isZero();
    }

    @Test
    void keysAreEachCallersOwn() {
        String key = newKey();
        assertThat(create(api.token(uniqueUser("a")), key, uniqueSlug("a")).status())
                .isEqualTo(201);
        Api.Response other = create(api.token(uniqueUser("b")), key, uniqueSlug("b"));
        assertThat(other.status()).isEqualTo(201);
        assertThat(other.header("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void aRefusalIsAnAnswerTooButABadKeyIsNot() {
        String owner = api.token(uniqueUser("owner"));
        String key = newKey();
        Api.Call invalid = api.post("/api/tenants")
                .bearer(owner)
                .header("Idempotency-Key", key)
                .json(Map.of("name", "", "slug", "x", "tier", "POOLED"));
        assertThat(invalid.send().status()).isEqualTo(400);
        Api.Response again = api.post("/api/tenants")
                .bearer(owner)
                .header("Idempotency-Key", key)
                .json(Map.of("name", "", "slug", "x", "tier", "POOLED"))
                .send();
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.header("Idempotent-Replayed")).hasValue("true");

        assertProblem(
                api.post("/api/tenants")
                        .bearer(owner)
                        .header("Idempotency-Key", "bad key with spaces")
                        .json(Map.of("name", "Co", "slug", uniqueSlug("k"), "tier", "POOLED"))
                        .send(),
                400,
                "invalid_idempotency_key");
    }

    @Test
    void aRepeatedDeleteAnswersAsTheFirstDid() {
        String owner = api.token(uniqueUser("owner"));
        String id =
                create(owner, newKey(), uniqueSlug("gone")).json().path("id").asText();
        String key = newKey();
        assertThat(api.call("DELETE", "/api/tenants/" + id)
                        .bearer(owner)
                        .header("Idempotency-Key", key)
                        .send()
                        .status())
                .isEqualTo(204);
        Api.Response retry = api.call("DELETE", "/api/tenants/" + id)
                .bearer(owner)
                .header("Idempotency-Key", key)
                .send();
        assertThat(retry.status()).isEqualTo(204);
        assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
    }

    @Test
    void ofConcurrentRetriesOfOneKeyExactlyOneRuns() throws Exception {
        String owner = api.token(uniqueUser("owner"));
        String slug = uniqueSlug("race");
        String key = newKey();
        List<Api.Response> answers = concurrently(12, () -> create(owner, key, slug));

        assertThat(answers).extracting(Api.Response::status).containsOnly(201);
        assertThat(answers)
                .extracting(response -> response.json().path("id").asText())
                .containsOnly(answers.get(0).json().path("id").asText());
        assertThat(answers)
                .filteredOn(response -> response.header("Idempotent-Replayed").isEmpty())
                .hasSize(1);
        assertThat(tenantsCreatedWithSlug(slug)).isEqualTo(1);
    }

    @Test
    void ofConcurrentWritersOnOneVersionExactlyOneWins() throws Exception {
        String owner = api.token(uniqueUser("owner"));
        Api.Response created = create(owner, newKey(), uniqueSlug("match"));
        String id = created.json().path("id").asText();
        String version = created.header("ETag").orElseThrow();

        int[] counter = {0};
        List<Api.Response> answers = concurrently(8, () -> {
            int n;
            synchronized (counter) {
                n = counter[0]++;
            }
            return api.call("PATCH", "/api/tenants/" + id)
                    .bearer(owner)
                    .header("If-Match", version)
                    .json(Map.of("industry", "Industry " + n))
                    .send();
        });

        assertThat(answers).filteredOn(response -> response.status() == 200).hasSize(1);
        assertThat(answers)
                .filteredOn(response -> response.status() != 200)
                .allSatisfy(response -> assertThat(response.status()).isIn(409, 412));
        Long updates = jdbc.queryForObject("""
                select count(*) from domain_event_entry where aggregate_identifier = ?
                and payload_type = 'io.tenantry.contracts.tenant.TenantUpdatedEvent'""", Long.class, id);
        assertThat(updates).isEqualTo(1);
    }

    private static List<Api.Response> concurrently(int threads, Callable<Api.Response> call) throws Exception {
        try (Concurrently together = new Concurrently(threads)) {
            return together.run(threads, call);
        }
    }
}
