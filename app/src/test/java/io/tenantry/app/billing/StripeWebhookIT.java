package io.tenantry.app.billing;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.StripeFake;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stripe's webhook: only correctly signed deliveries are read; subscription and invoice events reach the tenant they
 * bill, each applied once however often Stripe delivers it; anything else is acknowledged and left alone.
 */
class StripeWebhookIT extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    private String tenantId;
    private String ownerToken;
    private JsonNode subscription;

    @BeforeEach
    void paidTenant() {
        ownerToken = api.token(uniqueUser("owner"));
        tenantId = BillingSupport.createTenant(api, ownerToken, uniqueSlug("hook"), "team");
        subscription = BillingSupport.awaitStripeBilling(api, ownerToken, tenantId);
    }

    @Test
    void appliesASubscriptionUpdateOnceHoweverOftenItIsDelivered() {
        String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
        String payload = event(
                eventId,
                "customer.subscription.updated",
                StripeFake.subscriptionJson(stripeSubscription(), customer(), "unpaid", "si_x", "price_team_monthly"));

        JsonNode first = deliver(payload).json();
        assertThat(first.path("outcome").asText()).isEqualTo("applied");
        assertThat(first.path("eventId").asText()).isEqualTo(eventId);
        BillingSupport.awaitSubscription(
                api,
                ownerToken,
                tenantId,
                body -> "UNPAID".equals(body.path("status").asText()));

        assertThat(deliver(payload).json().path("outcome").asText()).isEqualTo("duplicate");
        assertThat(deliver(payload).json().path("outcome").asText()).isEqualTo("duplicate");
        assertThat(jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where payload_type = 'io.tenantry.contracts.subscription.SubscriptionStatusReconciledEvent'
                and convert_from(payload, 'UTF8')::jsonb ->> 'stripeEventId' = ?""", Integer.class, eventId))
                .as("applied once")
                .isEqualTo(1);

        deliver(event(
                newEventId(),
                "customer.subscription.deleted",
                StripeFake.subscriptionJson(
                        stripeSubscription(), customer(), "canceled", "si_x", "price_team_monthly")));
        BillingSupport.awaitSubscription(
                api,
                ownerToken,
                tenantId,
                body -> "CANCELED".equals(body.path("status").asText()));
    }

    @Test
    void keepsEachInvoiceAndItsLatestStatus() {
        String invoiceId = "in_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        deliver(event(newEventId(), "invoice.created", invoice(invoiceId, "open", 0)));
        deliver(event(newEventId(), "invoice.payment_failed", invoice(invoiceId, "open", 0)));
        JsonNode failed =
                awaitInvoice(invoiceId, invoice -> invoice.path("paymentFailed").asBoolean());
        assertThat(failed.path("status").asText()).isEqualTo("OPEN");
        assertThat(failed.path("amountDue").asLong()).isEqualTo(4900);
        assertThat(failed.path("currency").asText()).isEqualTo("usd");
        assertThat(failed.path("number").asText()).isEqualTo("TEN-0001");

        deliver(event(newEventId(), "invoice.paid", invoice(invoiceId, "paid", 4900)));
        awaitInvoice(invoiceId, invoice -> "PAID".equals(invoice.path("status").asText()));
        deliver(event(newEventId(), "invoice.created", invoice(invoiceId, "open", 0)));
        String voided = "in_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        deliver(event(newEventId(), "invoice.voided", invoice(voided, "void", 0)));
        awaitInvoice(voided, invoice -> "VOID".equals(invoice.path("status").asText()));
        assertThat(invoices().path("items").findValuesAsText("invoiceId")).contains(invoiceId, voided);
        assertThat(findInvoice(invoiceId).path("status").asText())
                .as("a late, older notice undoes nothing")
                .isEqualTo("PAID");

        String member = uniqueUser("member");
        api.post("/api/tenants/" + tenantId + "/members")
                .bearer(ownerToken)
                .json(Map.of("userId", member, "role", "MEMBER"))
                .send();
        awaitRead("/api/tenants/" + tenantId + "/members/" + member, ownerToken, body -> true); // reads are eventual
        assertProblem(
                api.get("/api/tenants/" + tenantId + "/invoices")
                        .bearer(api.token(member))
                        .send(),
                403,
                "insufficient_role");
    }

    @Test
    void refusesDeliveriesThatAreNotSignedByStripe() {
        String payload = event(
                newEventId(),
                "customer.subscription.updated",
                StripeFake.subscriptionJson(
                        stripeSubscription(), customer(), "past_due", "si_x", "price_team_monthly"));
        assertProblem(
                api.post("/api/webhooks/stripe")
                        .header("Stripe-Signature", StripeFake.signature(payload, "whsec_wrong"))
                        .json(payload)
                        .send(),
                400,
                "invalid_signature");
        assertProblem(api.post("/api/webhooks/stripe").json(payload).send(), 400, "invalid_signature");
        String signature = StripeFake.signature(payload, StripeFake.WEBHOOK_SECRET);
        assertProblem(
                api.post("/api/webhooks/stripe")
                        .header("Stripe-Signature", signature)
                        .json(payload.replace("past_due", "active"))
                        .send(),
                400,
                "invalid_signature");
        String stale =
                "t=" + (System.currentTimeMillis() / 1000 - 3600) + "," + signature.substring(signature.indexOf("v1="));
        assertProblem(
                api.post("/api/webhooks/stripe")
                        .header("Stripe-Signature", stale)
                        .json(payload)
                        .send(),
                400,
                "invalid_signature");
        assertThat(subscriptionStatus()).isEqualTo("ACTIVE");
    }

    @Test
    void acknowledgesWhatItDoesNotHandle() {
        assertThat(deliver(event(newEventId(), "charge.succeeded", "{\"id\":\"ch_1\",\"object\":\"charge\"}"))
                        .json()
                        .path("outcome")
                        .asText())
                .isEqualTo("ignored");
        assertThat(deliver(event(
                                newEventId(),
                                "customer.subscription.updated",
                                StripeFake.subscriptionJson(
                                        "sub_elsewhere", "cus_of_someone_else", "past_due", "si_x", "price_x")))
                        .json()
                        .path("outcome")
                        .asText())
                .isEqualTo("unknown_customer");
    }

    private Api.Response deliver(String payload) {
        Api.Response response = api.post("/api/webhooks/stripe")
                .header("Stripe-Signature", StripeFake.signature(payload, StripeFake.WEBHOOK_SECRET))
                .json(payload)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private JsonNode awaitInvoice(String invoiceId, java.util.function.Predicate<JsonNode> condition) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> findInvoice(invoiceId), invoice -> !invoice.isMissingNode() && condition.test(invoice));
    }

    private JsonNode findInvoice(String invoiceId) {
        for (JsonNode invoice : invoices().path("items")) {
            if (invoiceId.equals(invoice.path("invoiceId").asText())) {
                return invoice;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private JsonNode invoices() {
        return api.get("/api/tenants/" + tenantId + "/invoices")
                .bearer(ownerToken)
                .send()
                .json();
    }

    private String subscriptionStatus() {
        return api.get("/api/tenants/" + tenantId + "/subscription")
                .bearer(ownerToken)
                .send()
                .json()
                .path("status")
                .asText();
    }

    private String customer() {
        return subscription.path("stripeCustomerId").asText();
    }

    private String stripeSubscription() {
        return subscription.path("stripeSubscriptionId").asText();
    }

    private String invoice(String id, String status, long paid) {
        return """
                {"id":"%s","object":"invoice","customer":"%s","number":"TEN-0001","status":"%s","amount_due":4900,
                 "amount_paid":%d,"currency":"usd","period_start":1795400000,"period_end":1798000000,
                 "hosted_invoice_url":"https://invoice.stripe.com/i/test"}""".formatted(id, customer(), status, paid);
    }

    private static String newEventId() {
        return StripeFake.newEventId();
    }

    private static String event(String id, String type, String object) {
        return StripeFake.event(id, type, object);
    }
}
