package io.tenantry.app.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.StripeFake;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code POST .../subscription/preview} with Stripe configured (the fake): a Stripe subscription's change is Stripe's
 * own preview of its next invoice, asked for with the subscription, its item on the new price and the proration date,
 * and mapped into Tenantry's answer; a first Stripe subscription, a move to a free plan and a tenant billed nowhere are
 * answered without Stripe. Who may ask, and what is refused. Nothing ever changes.
 */
class PlanChangePreviewIT extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    private final WireMock stripe = StripeFake.client();

    @Test
    void asksStripeToPreviewTheNextInvoiceWithTheChangesProrations() {
        String ownerToken = api.token(uniqueUser("owner"));
        String tenantId = BillingSupport.createTenant(api, ownerToken, uniqueSlug("preview"), "team");
        JsonNode subscription = BillingSupport.awaitStripeBilling(api, ownerToken, tenantId);
        String stripeSubscription = subscription.path("stripeSubscriptionId").asText();
        String itemId = jdbc.queryForObject(
                """
                select convert_from(payload, 'UTF8')::jsonb -> 'billing' ->> 'itemId' from domain_event_entry
                where aggregate_identifier = ? and sequence_number = 0
                """, String.class, subscription.path("subscriptionId").asText());
        Instant at = Instant.ofEpochSecond(1_796_700_000L); // in the fake subscription's period

        Api.Response answer = BillingSupport.preview(
                api,
                ownerToken,
                tenantId,
                Map.of("planId", "business", "at", at.plusMillis(250).toString()));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode preview = answer.json();
        assertThat(preview.path("tenantId").asText()).isEqualTo(tenantId);
        assertThat(preview.path("fromPlanId").asText()).isEqualTo("team");
        assertThat(preview.path("toPlanId").asText()).isEqualTo("business");
        assertThat(preview.path("billingMode").asText()).isEqualTo("STRIPE");
        assertThat(preview.path("at").asText()).as("whole seconds").isEqualTo(at.toString());
        assertThat(preview.path("currency").asText()).isEqualTo("USD");
        assertThat(preview.path("periodStart").asText())
                .isEqualTo(Instant.ofEpochSecond(StripeFake.PERIOD_START).toString());
        assertThat(preview.path("periodEnd").asText())
                .isEqualTo(Instant.ofEpochSecond(StripeFake.PERIOD_END).toString());
        assertThat(preview.path("credit").asLong()).isEqualTo(StripeFake.PREVIEW_CREDIT);
        assertThat(preview.path("charge").asLong()).isEqualTo(StripeFake.PREVIEW_CHARGE);
        assertThat(preview.path("totalDueNow").asLong())
                .as("Stripe adds the prorations to the next invoice")
                .isZero();
        assertThat(preview.path("creditCarried").asLong()).isZero();
        assertThat(preview.path("nextInvoiceAmount").asLong()).isEqualTo(StripeFake.PREVIEW_AMOUNT_DUE);
        assertThat(preview.path("nextInvoiceAt").asText())
                .isEqualTo(Instant.ofEpochSecond(StripeFake.PERIOD_END).toString());

        stripe.verifyThat(
                1,
                postRequestedFor(urlPathEqualTo("/v1/invoices/create_preview"))
                        .withHeader("Authorization", WireMock.equalTo("Bearer " + StripeFake.API_KEY))
                        .withRequestBody(containing("subscription=" + stripeSubscription))
                        .withRequestBody(containing("subscription_details[items][0][id]=" + itemId))
                        .withRequestBody(containing("subscription_details[items][0][price]=price_business_monthly"))
                        .withRequestBody(containing("subscription_details[proration_behavior]=create_prorations"))
                        .withRequestBody(containing("subscription_details[proration_date]=" + at.getEpochSecond())));
        assertThat(planChangeEvents(tenantId)).as("a preview changes nothing").isZero();
        stripe.verifyThat(0, postRequestedFor(urlPathEqualTo("/v1/subscription_items/" + itemId)));
        assertThat(BillingSupport.awaitSubscription(api, ownerToken, tenantId, body -> true)
                        .path("planId")
                        .asText())
                .isEqualTo("team");
    }

    @Test
    void saysSoWhenStripeRefusesTheProrationDate() {
        String ownerToken = api.token(uniqueUser("owner"));
        String tenantId = BillingSupport.createTenant(api, ownerToken, uniqueSlug("late"), "team");
        BillingSupport.awaitStripeBilling(api, ownerToken, tenantId);
        Instant outside = Instant.ofEpochSecond(1_700_000_123L);
        StubMapping refusal = stripe.register(post(urlPathEqualTo("/v1/invoices/create_preview"))
                .atPriority(1)
                .withRequestBody(containing("subscription_details[proration_date]=" + outside.getEpochSecond()))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"error":{"type":"invalid_request_error","code":"parameter_invalid_integer",
                                 "param":"subscription_details[proration_date]",
                                 "message":"The proration date must be within the subscription's current period."}}
                                """)));
        try {
            assertProblem(
                    BillingSupport.preview(
                            api, ownerToken, tenantId, Map.of("planId", "business", "at", outside.toString())),
                    400,
                    "invalid_preview_instant");
        } finally {
            stripe.removeStubMapping(refusal);
        }
    }

    @Test
    void pricesAFirstStripeSubscriptionAtOnceAndNothingForAPlanBilledNowhere() {
        String ownerToken = api.token(uniqueUser("owner"));
        String tenantId = BillingSupport.createTenant(api, ownerToken, uniqueSlug("first"), null);
        BillingSupport.awaitSubscription(api, ownerToken, tenantId, body -> true);
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        JsonNode first = BillingSupport.ok(
                BillingSupport.preview(api, ownerToken, tenantId, Map.of("planId", "team", "at", at.toString())));
        assertThat(first.path("billingMode").asText()).isEqualTo("STRIPE");
        assertThat(first.path("fromPlanId").asText()).isEqualTo("free");
        assertThat(first.path("credit").asLong()).isZero();
        assertThat(first.path("charge").asLong()).as("a whole period of 49.00").isEqualTo(4900);
        assertThat(first.path("totalDueNow").asLong()).isEqualTo(4900);
        assertThat(first.path("nextInvoiceAmount").asLong()).isEqualTo(4900);
        String periodEnd = at.atZone(ZoneOffset.UTC).plusMonths(1).toInstant().toString();
        assertThat(first.path("periodStart").asText()).isEqualTo(at.toString());
        assertThat(first.path("periodEnd").asText()).isEqualTo(periodEnd);
        assertThat(first.path("nextInvoiceAt").asText()).isEqualTo(periodEnd);

        JsonNode same = BillingSupport.ok(BillingSupport.preview(api, ownerToken, tenantId, Map.of("planId", "free")));
        assertThat(same.path("billingMode").asText()).isEqualTo("LOCAL");
        assertThat(same.path("credit").asLong()).isZero();
        assertThat(same.path("charge").asLong()).isZero();
        assertThat(same.path("totalDueNow").asLong()).isZero();
        assertThat(same.path("nextInvoiceAt").isNull()).isTrue();
        stripe.verifyThat(
                0,
                postRequestedFor(urlPathMatching("/v1/.*"))
                        .withRequestBody(containing("metadata[tenant_id]=" + tenantId)));
    }

    @Test
    void aMoveOffStripeEndsTheSubscriptionWithoutProration() {
        String ownerToken = api.token(uniqueUser("owner"));
        String tenantId = BillingSupport.createTenant(api, ownerToken, uniqueSlug("leave"), "team");
        JsonNode subscription = BillingSupport.awaitStripeBilling(api, ownerToken, tenantId);

        JsonNode preview =
                BillingSupport.ok(BillingSupport.preview(api, ownerToken, tenantId, Map.of("planId", "free")));

        assertThat(preview.path("billingMode").asText()).isEqualTo("STRIPE");
        assertThat(preview.path("credit").asLong()).isZero();
        assertThat(preview.path("charge").asLong()).isZero();
        assertThat(preview.path("totalDueNow").asLong()).isZero();
        assertThat(preview.path("nextInvoiceAmount").asLong()).isZero();
        assertThat(preview.path("nextInvoiceAt").isNull()).isTrue();
        stripe.verifyThat(
                0,
                postRequestedFor(urlPathEqualTo("/v1/invoices/create_preview"))
                        .withRequestBody(containing("subscription="
                                + subscription.path("stripeSubscriptionId").asText())));
    }

    @Test
    void refusesWhoMayNotChangeThePlanAndWhatCannotBePreviewed() {
        String owner = uniqueUser("owner");
        String ownerToken = api.token(owner);
        String tenantId = BillingSupport.createTenant(api, ownerToken, uniqueSlug("nope"), null);
        BillingSupport.awaitSubscription(api, ownerToken, tenantId, body -> true);
        String admin = uniqueUser("admin");
        assertThat(api.post("/api/tenants/" + tenantId + "/members")
                        .bearer(ownerToken)
                        .json(Map.of("userId", admin, "role", "ADMIN"))
                        .send()
                        .status())
                .isEqualTo(201);

        assertProblem(
                BillingSupport.preview(api, api.token(admin), tenantId, Map.of("planId", "team")),
                403,
                "insufficient_role");
        assertProblem(
                BillingSupport.preview(api, api.token(uniqueUser("stranger")), tenantId, Map.of("planId", "team")),
                404,
                "tenant_not_found");
        assertProblem(
                BillingSupport.preview(api, ownerToken, "no-such-tenant", Map.of("planId", "team")),
                404,
                "tenant_not_found");
        assertProblem(
                BillingSupport.preview(api, ownerToken, tenantId, Map.of("planId", "platinum")), 400, "unknown_plan");
        assertProblem(
                BillingSupport.preview(
                        api, ownerToken, tenantId, Map.of("at", Instant.now().toString())),
                400,
                "validation_failed");
        assertProblem(
                BillingSupport.preview(api, ownerToken, tenantId, Map.of("planId", "team", "at", "tomorrow")),
                400,
                "validation_failed");
        JsonNode late = assertProblem(
                BillingSupport.preview(
                        api,
                        ownerToken,
                        tenantId,
                        Map.of(
                                "planId",
                                "team",
                                "at",
                                Instant.now().plus(40, ChronoUnit.DAYS).toString())),
                400,
                "invalid_preview_instant");
        assertThat(late.path("periodEnd").asText()).isNotEmpty();
        assertProblem(
                BillingSupport.preview(
                        api, ownerToken, tenantId, Map.of("planId", "team", "at", "2020-01-01T00:00:00Z")),
                400,
                "invalid_preview_instant");

        assertThat(BillingSupport.ok(BillingSupport.preview(
                                api,
                                api.token(
                                        uniqueUser("partner"), java.util.List.of("partner-admin"), java.util.List.of()),
                                tenantId,
                                Map.of("planId", "team")))
                        .path("charge")
                        .asLong())
                .isEqualTo(4900);
        assertThat(planChangeEvents(tenantId)).isZero();
    }

    private int planChangeEvents(String tenantId) {
        Integer count = jdbc.queryForObject("""
                select count(*) from domain_event_entry where aggregate_identifier = ?
                and payload_type = 'io.tenantry.contracts.subscription.PlanChangedEvent'
                """, Integer.class, "subscription-" + tenantId);
        return count == null ? 0 : count;
    }
}
