package io.tenantry.app.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.StripeFake;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Billing through the real stripe-java client against a fake of Stripe's HTTP API: what Tenantry sends for a paid
 * plan, a plan change, a downgrade to free and a deleted tenant; and reconciliation, changed, unchanged and in an
 * outage.
 */
class StripeBillingIT extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    private final WireMock stripe = StripeFake.client();

    @Test
    void subscribesAPaidTenantAtStripe() {
        String ownerToken = api.token(uniqueUser("owner"));
        String slug = uniqueSlug("paid");
        String tenantId = BillingSupport.createTenant(api, ownerToken, slug, "team");

        JsonNode subscription = BillingSupport.awaitStripeBilling(api, ownerToken, tenantId);
        assertThat(subscription.path("planId").asText()).isEqualTo("team");
        assertThat(subscription.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(subscription.path("stripeCustomerId").asText()).startsWith("cus_");
        assertThat(subscription.path("stripeSubscriptionId").asText()).startsWith("sub_");
        assertThat(subscription.path("currentPeriodEnd").asText()).isEqualTo("2026-12-23T04:26:40Z");

        stripe.verifyThat(
                1,
                postRequestedFor(urlPathEqualTo("/v1/customers"))
                        .withHeader("Authorization", equalTo("Bearer " + StripeFake.API_KEY))
                        .withHeader("Idempotency-Key", equalTo("tenantry-customer-" + tenantId))
                        .withRequestBody(containing("metadata[tenant_id]=" + tenantId))
                        .withRequestBody(containing("name=Billing+Co+" + slug)));
        stripe.verifyThat(
                1,
                postRequestedFor(urlPathEqualTo("/v1/subscriptions"))
                        .withHeader("Idempotency-Key", matching("tenantry-subscription-.+"))
                        .withRequestBody(containing("customer="
                                + subscription.path("stripeCustomerId").asText()))
                        .withRequestBody(containing("items[0][price]=price_team_monthly"))
                        .withRequestBody(containing("metadata[tenant_id]=" + tenantId)));
    }

    @Test
    void keepsAFreeTenantAwayFromStripeUntilItPicksAPaidPlan() {
        String ownerToken = api.token(uniqueUser("owner"));
        String tenantId = BillingSupport.createTenant(api, ownerToken, uniqueSlug("free"), null);
        JsonNode free = BillingSupport.awaitSubscription(api, ownerToken, tenantId, body -> true);
        assertThat(free.path("planId").asText()).isEqualTo("free");
        assertThat(free.path("billingMode").asText()).isEqualTo("LOCAL");
        stripe.verifyThat(
                0,
                postRequestedFor(urlPathEqualTo("/v1/customers"))
                        .withRequestBody(containing("metadata[tenant_id]=" + tenantId)));

        Api.Response upgraded = BillingSupport.changePlan(api, ownerToken, tenantId, "team", "we grew");
        assertThat(upgraded.status()).as(upgraded.toString()).isEqualTo(200);
        assertThat(upgraded.json().path("fromPlanId").asText()).isEqualTo("free");
        assertThat(upgraded.json().path("toPlanId").asText()).isEqualTo("team");
        assertThat(upgraded.json().path("changed").asBoolean()).isTrue();
        JsonNode paid = BillingSupport.awaitStripeBilling(api, ownerToken, tenantId);
        assertThat(paid.path("planId").asText()).isEqualTo("team");
        stripe.verifyThat(
                1,
                postRequestedFor(urlPathEqualTo("/v1/subscriptions"))
                        .withRequestBody(containing("metadata[tenant_id]=" + tenantId)));

        Api.Response downgraded = BillingSupport.changePlan(api, ownerToken, tenantId, "free", null);
        assertThat(downgraded.status()).isEqualTo(200);
        BillingSupport.awaitSubscription(
                api,
                ownerToken,
                tenantId,
                body -> "LOCAL".equals(body.path("billingMode").asText()));
        stripe.verifyThat(
                1,
                deleteRequestedFor(urlPathEqualTo(
                        "/v1/subscriptions/" + paid.path("stripeSubscriptionId").asText())));
    }

    @Test
    void movesTheStripeItemToTheNewPlansPrice() {
        String ownerToken = api.token(uniqueUser("owner"));
        String tenantId = BillingSupport.createTenant(api, ownerToken, uniqueSlug("move"), "team");
        JsonNode before = BillingSupport.awaitStripeBilling(api, ownerToken, tenantId);
        String itemId = jdbc.queryForObject(
                """
                select convert_from(payload, 'UTF8')::jsonb -> 'billing' ->> 'itemId' from domain_event_entry
                where aggregate_identifier = ? and sequence_number = 0
                """, String.class, before.path("subscriptionId").asText());

        Api.Response changed = BillingSupport.changePlan(api, ownerToken, tenantId, "business", "more seats");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> stripe.verifyThat(
                        1,
                        postRequestedFor(urlPathEqualTo("/v1/subscription_items/" + itemId))
                                .withRequestBody(containing("price=price_business_monthly"))
                                .withRequestBody(containing("proration_behavior=create_prorations"))));
        BillingSupport.awaitSubscription(
                api,
                ownerToken,
                tenantId,
                body -> "business".equals(body.path("planId").asText()));
    }

    @Test
    void refusesPlanChangesThatAreNotTheOwnersOrDoNotFit() {
        String owner = uniqueUser("owner");
        String ownerToken = api.token(owner);
        String tenantId = BillingSupport.createTenant(api, ownerToken, uniqueSlug("rules"), "team");
        BillingSupport.awaitSubscription(api, ownerToken, tenantId, body -> true);
        String admin = uniqueUser("admin");
        assertThat(api.post("/api/tenants/" + tenantId + "/members")
                        .bearer(ownerToken)
                        .json(Map.of("userId", admin, "role", "ADMIN"))
                        .send()
                        .status())
                .isEqualTo(201);
        for (int i = 0; i < 4; i++) {
            assertThat(api.post("/api/tenants/" + tenantId + "/members")
                            .bearer(ownerToken)
                            .json(Map.of("userId", uniqueUser("m"), "role", "MEMBER"))
                            .send()
                            .status())
                    .isEqualTo(201);
        }

        assertProblem(
                BillingSupport.changePlan(api, api.token(admin), tenantId, "business", null), 403, "insufficient_role");
        assertProblem(BillingSupport.changePlan(api, ownerToken, tenantId, "platinum", null), 400, "unknown_plan");
        JsonNode tooSmall = assertProblem(
                BillingSupport.changePlan(api, ownerToken, tenantId, "free", "save money"), 409, "plan_too_small");
        assertThat(tooSmall.path("members").asInt()).isEqualTo(6);
        assertThat(tooSmall.path("maxMembers").asInt()).isEqualTo(5);
        assertProblem(
                BillingSupport.changePlan(api, ownerToken, "no-such-tenant", "free", null), 404, "tenant_not_found");
        assertProblem(
                api.call("PUT", "/api/tenants/" + tenantId + "/subscription/plan")
                        .bearer(ownerToken)
                        .json(Map.of("reason", "none"))
                        .send(),
                400,
                "validation_failed");

        Api.Response same = BillingSupport.changePlan(api, ownerToken, tenantId, "team", "again");
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().path("changed").asBoolean()).isFalse();
        assertThat(planChangeEvents(tenantId))
                .as("no event for the plan it is on, none for refusals")
                .isZero();

        assertThat(BillingSupport.changePlan(
                                api,
                                api.token(
                                        uniqueUser("partner"), java.util.List.of("partner-admin"), java.util.List.of()),
                                tenantId,
                                "business",
                                "support upgrade")
                        .status())
                .isEqualTo(200);
        assertThat(planChangeEvents(tenantId)).isEqualTo(1);
    }

    @Test
    void reconcilesTheStatusStripeHasOnlyWhenItDiffers() {
        String ownerToken = api.token(uniqueUser("owner"));
        String tenantId = BillingSupport.createTenant(api, ownerToken, uniqueSlug("recon"), "team");
        JsonNode subscription = BillingSupport.awaitStripeBilling(api, ownerToken, tenantId);
        String stripeId = subscription.path("stripeSubscriptionId").asText();
        String path = "/api/tenants/" + tenantId + "/subscription/reconcile";

        stripe.register(get(urlPathEqualTo("/v1/subscriptions/" + stripeId))
                .willReturn(okJson(StripeFake.subscriptionJson(
                        stripeId,
                        subscription.path("stripeCustomerId").asText(),
                        "past_due",
                        "si_x",
                        "price_team_monthly"))));
        Api.Response changed = api.post(path).bearer(ownerToken).send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("from").asText()).isEqualTo("ACTIVE");
        assertThat(changed.json().path("to").asText()).isEqualTo("PAST_DUE");
        BillingSupport.awaitSubscription(
                api,
                ownerToken,
                tenantId,
                body -> "PAST_DUE".equals(body.path("status").asText()));

        Api.Response unchanged = api.post(path).bearer(ownerToken).send();
        assertThat(unchanged.status()).as(unchanged.toString()).isEqualTo(204);

        stripe.register(get(urlPathEqualTo("/v1/subscriptions/" + stripeId))
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"Stripe is down\"}}")));
        Api.Response outage = api.post(path).bearer(ownerToken).send();
        assertProblem(outage, 503, "billing_unavailable");
        assertThat(outage.header("Retry-After")).hasValue("30");

        stripe.register(get(urlPathEqualTo("/v1/subscriptions/" + stripeId))
                .willReturn(
                        aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        assertProblem(api.post(path).bearer(ownerToken).send(), 503, "billing_unavailable");
        assertThat(reconciledEvents(subscription.path("subscriptionId").asText()))
                .as("outages change nothing")
                .isEqualTo(1);

        assertProblem(api.post(path).bearer(api.token(uniqueUser("stranger"))).send(), 404, "tenant_not_found");
    }

    @Test
    void hasNothingToReconcileForATenantStripeDoesNotBill() {
        String ownerToken = api.token(uniqueUser("owner"));
        String tenantId = BillingSupport.createTenant(api, ownerToken, uniqueSlug("nobill"), null);
        BillingSupport.awaitSubscription(api, ownerToken, tenantId, body -> true);
        assertThat(api.post("/api/tenants/" + tenantId + "/subscription/reconcile")
                        .bearer(ownerToken)
                        .send()
                        .status())
                .isEqualTo(204);
    }

    @Test
    void cancelsTheStripeSubscriptionOfADeletedTenant() {
        String ownerToken = api.token(uniqueUser("owner"));
        String tenantId = BillingSupport.createTenant(api, ownerToken, uniqueSlug("gone"), "team");
        JsonNode subscription = BillingSupport.awaitStripeBilling(api, ownerToken, tenantId);

        assertThat(api.call("DELETE", "/api/tenants/" + tenantId)
                        .bearer(ownerToken)
                        .send()
                        .status())
                .isIn(200, 204);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> stripe.verifyThat(
                        1,
                        deleteRequestedFor(urlPathEqualTo("/v1/subscriptions/"
                                + subscription.path("stripeSubscriptionId").asText()))));
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> "CANCELED"
                        .equals(jdbc.queryForObject(
                                "select status from subscription_directory where tenant_id = ?",
                                String.class,
                                tenantId)));
    }

    private int planChangeEvents(String tenantId) {
        Integer count = jdbc.queryForObject("""
                select count(*) from domain_event_entry where aggregate_identifier = ?
                and payload_type = 'io.tenantry.contracts.subscription.PlanChangedEvent'
                """, Integer.class, "subscription-" + tenantId);
        return count == null ? 0 : count;
    }

    private int reconciledEvents(String subscriptionId) {
        Integer count = jdbc.queryForObject("""
                select count(*) from domain_event_entry where aggregate_identifier = ?
                and payload_type = 'io.tenantry.contracts.subscription.SubscriptionStatusReconciledEvent'
                """, Integer.class, subscriptionId);
        return count == null ? 0 : count;
    }
}
