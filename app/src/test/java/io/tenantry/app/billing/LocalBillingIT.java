package io.tenantry.app.billing;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.StripeFake;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Billing without Stripe, as on the embedded default: a plan change is invoiced with it, by the rules its preview
 * follows, so the preview's figures are the invoice's. Proration counts whole seconds, so a preview and a change in the
 * same second are priced alike: each try starts just after a second begins, and a try whose change falls in the next
 * second (a slow machine) is done again with a fresh tenant. Runs in a JVM of its own (surefire execution
 * {@code local-billing}): its context has no Stripe, unlike the shared one.
 */
@StripeFake.Absent
class LocalBillingIT extends IntegrationTest {

    private static final int TRIES = 5;

    @Test
    void thePreviewIsTheInvoiceTheChangeRecords() throws InterruptedException {
        String ownerToken = api.token(uniqueUser("owner"));
        String tenantId = null;
        JsonNode preview = null;
        Instant changedAt = null;
        for (int i = 0; i < TRIES && changedAt == null; i++) {
            tenantId = BillingSupport.createTenant(api, ownerToken, uniqueSlug("local"), null);
            assertThat(BillingSupport.awaitSubscription(api, ownerToken, tenantId, body -> true)
                            .path("billingMode")
                            .asText())
                    .isEqualTo("LOCAL");
            Thread.sleep(1000 - Instant.now().getNano() / 1_000_000 + 20);
            preview = BillingSupport.ok(BillingSupport.preview(api, ownerToken, tenantId, Map.of("planId", "team")));
            Api.Response change = BillingSupport.changePlan(api, ownerToken, tenantId, "team", "grown");
            assertThat(change.status()).as(change.toString()).isEqualTo(200);
            Instant at = Instant.parse(change.json().path("changedAt").asText());
            if (at.truncatedTo(ChronoUnit.SECONDS)
                    .toString()
                    .equals(preview.path("at").asText())) {
                changedAt = at;
            }
        }
        assertThat(changedAt)
                .as("a preview and its change in one second, in %d tries", TRIES)
                .isNotNull();

        JsonNode history = awaitRead(
                "/api/audit/tenants/" + tenantId + "/plan-changes",
                partnerAdmin(),
                body -> body.path("total").asLong() == 1);
        assertThat(Instant.parse(history.path("items").get(0).path("changedAt").asText()))
                .as("the change as the audit has it")
                .isEqualTo(changedAt);
        assertThat(preview.path("billingMode").asText()).isEqualTo("LOCAL");
        assertThat(preview.path("credit").asLong())
                .as("nothing to credit on free")
                .isZero();
        assertThat(preview.path("charge").asLong()).isBetween(1L, 4900L);
        assertThat(preview.path("totalDueNow").asLong())
                .isEqualTo(preview.path("charge").asLong());
        assertThat(preview.path("nextInvoiceAmount").asLong()).isEqualTo(4900);
        assertThat(preview.path("nextInvoiceAt").asText())
                .isEqualTo(preview.path("periodEnd").asText());

        JsonNode invoice = awaitRead(
                        "/api/tenants/" + tenantId + "/invoices",
                        ownerToken,
                        body -> body.path("total").asLong() == 1)
                .path("items")
                .get(0);
        assertThat(invoice.path("invoiceId").asText()).isEqualTo("local_" + tenantId + "_" + changedAt.toEpochMilli());
        assertThat(invoice.path("amountDue").asLong())
                .isEqualTo(preview.path("totalDueNow").asLong());
        assertThat(invoice.path("amountPaid").asLong())
                .isEqualTo(preview.path("totalDueNow").asLong());
        assertThat(invoice.path("status").asText()).isEqualTo("PAID");
        assertThat(invoice.path("currency").asText()).isEqualTo("usd");
        assertThat(invoice.path("periodStart").asText())
                .isEqualTo(preview.path("periodStart").asText());
        assertThat(invoice.path("periodEnd").asText())
                .isEqualTo(preview.path("periodEnd").asText());
    }

    @Test
    void aDowngradeIsInvoicedAsACreditAndTheSamePlanCostsNothing() {
        String ownerToken = api.token(uniqueUser("owner"));
        String tenantId = BillingSupport.createTenant(api, ownerToken, uniqueSlug("down"), "business");
        BillingSupport.awaitSubscription(api, ownerToken, tenantId, body -> true);

        JsonNode same =
                BillingSupport.ok(BillingSupport.preview(api, ownerToken, tenantId, Map.of("planId", "business")));
        assertThat(same.path("credit").asLong()).isZero();
        assertThat(same.path("charge").asLong()).isZero();
        assertThat(same.path("totalDueNow").asLong()).isZero();
        assertThat(same.path("nextInvoiceAmount").asLong()).isEqualTo(19900);

        JsonNode down = BillingSupport.ok(BillingSupport.preview(api, ownerToken, tenantId, Map.of("planId", "free")));
        assertThat(down.path("credit").asLong()).isBetween(-19900L, -1L);
        assertThat(down.path("charge").asLong()).isZero();
        assertThat(down.path("totalDueNow").asLong()).isZero();
        assertThat(down.path("creditCarried").asLong())
                .isEqualTo(-down.path("credit").asLong());
        assertThat(down.path("nextInvoiceAmount").asLong()).isZero();

        assertThat(BillingSupport.changePlan(api, ownerToken, tenantId, "free", null)
                        .status())
                .isEqualTo(200);
        JsonNode invoice = awaitRead(
                        "/api/tenants/" + tenantId + "/invoices",
                        ownerToken,
                        body -> body.path("total").asLong() == 1)
                .path("items")
                .get(0);
        assertThat(invoice.path("amountDue").asLong())
                .as("only a credit: nothing due")
                .isZero();
        assertThat(invoice.path("status").asText()).isEqualTo("PAID");
        assertThat(invoice.path("periodStart").asText())
                .isEqualTo(down.path("periodStart").asText());

        Api.Response again = BillingSupport.changePlan(api, ownerToken, tenantId, "free", null);
        assertThat(again.json().path("changed").asBoolean()).isFalse();
    }

    @Test
    void refusesAnInstantOutsideTheCurrentPeriodOrBeforeThePlanTookEffect() {
        String ownerToken = api.token(uniqueUser("owner"));
        String tenantId = BillingSupport.createTenant(api, ownerToken, uniqueSlug("when"), null);
        JsonNode subscription = BillingSupport.awaitSubscription(api, ownerToken, tenantId, body -> true);
        Instant started = Instant.parse(subscription.path("startedAt").asText());

        JsonNode first = BillingSupport.ok(BillingSupport.preview(
                api,
                ownerToken,
                tenantId,
                Map.of(
                        "planId",
                        "team",
                        "at",
                        started.truncatedTo(ChronoUnit.SECONDS).toString())));
        assertThat(first.path("charge").asLong()).as("the whole first period").isEqualTo(4900);
        assertProblem(
                BillingSupport.preview(
                        api,
                        ownerToken,
                        tenantId,
                        Map.of("planId", "team", "at", started.minusSeconds(1).toString())),
                400,
                "invalid_preview_instant");
        assertProblem(
                BillingSupport.preview(
                        api,
                        ownerToken,
                        tenantId,
                        Map.of("planId", "team", "at", first.path("periodEnd").asText())),
                400,
                "invalid_preview_instant");

        Api.Response change = BillingSupport.changePlan(api, ownerToken, tenantId, "team", null);
        Instant changedAt = Instant.parse(change.json().path("changedAt").asText());
        assertProblem(
                BillingSupport.preview(
                        api,
                        ownerToken,
                        tenantId,
                        Map.of(
                                "planId",
                                "business",
                                "at",
                                changedAt.minusSeconds(1).toString())),
                400,
                "invalid_preview_instant");
        assertThat(BillingSupport.ok(BillingSupport.preview(
                                api, ownerToken, tenantId, Map.of("planId", "business", "at", changedAt.toString())))
                        .path("fromPlanId")
                        .asText())
                .isEqualTo("team");
    }
}
