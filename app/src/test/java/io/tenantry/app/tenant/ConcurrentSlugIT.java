package io.tenantry.app.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.app.test.Api;
import io.tenantry.app.test.Concurrently;
import io.tenantry.app.test.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** 100 concurrent creates with one slug yield exactly one tenant; the others are refused, and leave no events. */
class ConcurrentSlugIT extends IntegrationTest {

    private static final int CLIENTS = 100;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void letsExactlyOneOfAHundredConcurrentCreatesWin() throws Exception {
        String slug = uniqueSlug("race");
        List<Callable<Api.Response>> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String token = api.token(uniqueUser("racer"));
            String name = "Racer " + i;
            clients.add(() -> api.post("/api/tenants")
                    .bearer(token)
                    .json(Map.of("name", name, "slug", slug, "tier", "POOLED"))
                    .send());
        }
        List<Api.Response> responses;
        try (Concurrently together = new Concurrently(CLIENTS)) {
            responses = together.run(clients);
        }

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses)
                .filteredOn(r -> r.status() == 409)
                .hasSize(CLIENTS - 1)
                .allSatisfy(r -> assertThat(r.json().path("code").asText()).isEqualTo("slug_taken"));
        assertThat(jdbc.queryForObject("select count(*) from tenant_slug where slug = ?", Integer.class, slug))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where payload_type = 'io.tenantry.contracts.tenant.TenantCreatedEvent'
                  and convert_from(payload, 'UTF8') like ?""", Integer.class, "%\"" + slug + "\"%"))
                .as("the refused creates stored nothing")
                .isEqualTo(1);
    }
}
