package io.tenantry.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.app.test.Api;
import io.tenantry.app.test.ProvisioningOrchestrator;
import io.tenantry.contracts.tenant.TenantProvisionedEvent;
import io.tenantry.contracts.tenant.TenantResourcesReadyEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tenants whose provisioning has started and waits for the orchestrator's signed answer, made many at a time (one
 * pass over the request topic for all), for the webhook races and replays.
 */
final class ProvisioningAttempts {

    private ProvisioningAttempts() {}

    /** A tenant being provisioned and the context id its answer must be signed for. */
    record Attempt(String tenantId, String contextId) {

        /** The orchestrator's success answer for this attempt, as the provisioning webhook takes it. */
        String success() {
            return ProvisioningOrchestrator.body(tenantId, true, 0);
        }
    }

    /**
     * {@code count} fresh tenants of {@code ownerToken}'s, each provisioned by {@code adminToken} and awaiting its
     * answer.
     */
    static List<Attempt> start(
            Api api, ProvisioningOrchestrator orchestrator, String ownerToken, String adminToken, int count) {
        List<String> tenantIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Api.Response created = api.post("/api/tenants")
                    .bearer(ownerToken)
                    .json(Map.of(
                            "name",
                            "Provisioned Co " + i,
                            "slug",
                            "prov-" + UUID.randomUUID().toString().substring(0, 8),
                            "tier",
                            "POOLED"))
                    .send();
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String tenantId = created.json().path("id").asText();
            Api.Response started = api.post("/api/tenants/" + tenantId + "/provision")
                    .bearer(adminToken)
                    .send();
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            tenantIds.add(tenantId);
        }
        return orchestrator.awaitFirstRequests(tenantIds).entrySet().stream()
                .map(request -> new Attempt(
                        request.getKey(), request.getValue().path("contextId").asText()))
                .toList();
    }

    /** An answer of the webhook: "200 applied", "200 not applied", or its status and problem code. */
    static String label(Api.Response response) {
        if (response.status() == 200) {
            return response.json().path("applied").asBoolean() ? "200 applied" : "200 not applied";
        }
        return Outcomes.label(response);
    }

    /**
     * Per tenant, how many TenantResourcesReadyEvent and TenantProvisionedEvent its event store holds, as a tally
     * ("20 × ready 1, provisioned 1"); call once every tenant is ACTIVE.
     */
    static Outcomes settled(StoredEvents events, List<Attempt> attempts) {
        Outcomes tally = new Outcomes();
        for (Attempt attempt : attempts) {
            tally.add("TenantResourcesReadyEvent " + events.count(attempt.tenantId(), TenantResourcesReadyEvent.class)
                    + ", TenantProvisionedEvent " + events.count(attempt.tenantId(), TenantProvisionedEvent.class));
        }
        return tally;
    }
}
