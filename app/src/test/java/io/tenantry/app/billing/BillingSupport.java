package io.tenantry.app.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** Tenants on plans and their subscriptions, for the billing tests. */
public final class BillingSupport {

    private BillingSupport() {}

    public static String createTenant(Api api, String ownerToken, String slug, String planId) {
        Api.Response created = api.post("/api/tenants")
                .bearer(ownerToken)
                .json(
                        planId == null
                                ? Map.of("name", "Billing Co " + slug, "slug", slug, "tier", "POOLED")
                                : Map.of(
                                        "name", "Billing Co " + slug, "slug", slug, "tier", "POOLED", "planId", planId))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    /** Waits until the tenant's subscription, as its read model shows it, satisfies {@code condition}. */
    public static JsonNode awaitSubscription(Api api, String token, String tenantId, Predicate<JsonNode> condition) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> {
                            Api.Response response = api.get("/api/tenants/" + tenantId + "/subscription")
                                    .bearer(token)
                                    .send();
                            return response.status() == 200 ? response.json() : null;
                        },
                        body -> body != null && condition.test(body));
    }

    public static Api.Response changePlan(Api api, String token, String tenantId, String planId, String reason) {
        return api.call("PUT", "/api/tenants/" + tenantId + "/subscription/plan")
                .bearer(token)
                .json(reason == null ? Map.of("planId", planId) : Map.of("planId", planId, "reason", reason))
                .send();
    }

    /** Waits until the tenant's subscription is billed at Stripe (its read model says so); answers it. */
    public static JsonNode awaitStripeBilling(Api api, String token, String tenantId) {
        return awaitSubscription(
                api,
                token,
                tenantId,
                body -> "STRIPE".equals(body.path("billingMode").asText()));
    }

    /** {@code POST /api/tenants/{id}/subscription/preview} with {@code body}. */
    public static Api.Response preview(Api api, String token, String tenantId, Map<String, String> body) {
        return api.post("/api/tenants/" + tenantId + "/subscription/preview")
                .bearer(token)
                .json(body)
                .send();
    }

    /** The body of a 200 answer (fails with the answer otherwise). */
    public static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
