package io.tenantry.app.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.stripe.Stripe;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * A stand-in for Stripe's HTTP API (WireMock, one per test JVM), answering as Stripe documents: customers,
 * subscriptions with one item, item updates and cancellations, with fresh ids, invoice previews and billing meter
 * events. Every test context is pointed at it ({@code tenantry.stripe.*}, registered in META-INF/spring.factories) but
 * those of a class marked {@link Absent}, so billing runs the real stripe-java client against it; tests add their own
 * answers (a status to reconcile, an outage) and check what was sent.
 */
public final class StripeFake {

    public static final String API_KEY = "sk_test_tenantry";
    public static final String WEBHOOK_SECRET = "whsec_tenantry_test";
    /** Where billing meter events are sent. */
    public static final String METER_EVENTS = "/v1/billing/meter_events";

    private static final String RANDOM = "{{randomValue length=14 type='ALPHANUMERIC'}}";
    private static WireMockServer server;

    /** The fake subscriptions' current period. */
    public static final long PERIOD_START = 1795400000;

    public static final long PERIOD_END = 1798000000;
    /** The invoice preview's proration lines (a credit and a charge), its next period and its amount due. */
    public static final long PREVIEW_CREDIT = -2450;

    public static final long PREVIEW_CHARGE = 9950;
    public static final long PREVIEW_NEXT_PERIOD = 19900;
    public static final long PREVIEW_AMOUNT_DUE = PREVIEW_CREDIT + PREVIEW_CHARGE + PREVIEW_NEXT_PERIOD;

    private static final String FORM = "{{formData request.body 'form' urlDecode=true}}";

    private StripeFake() {}

    /**
     * A test class whose context has no Stripe: billing runs locally, as on the embedded default. Its context is not
     * the shared one, so such a class runs in a JVM of its own.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Inherited
    public @interface Absent {}

    public static synchronized WireMockServer server() {
        if (server == null) {
            // delayed answers (a stalling fake) are scheduled, not slept in a server thread, so a stall holds none
            server = new WireMockServer(options()
                    .dynamicPort()
                    .bindAddress("127.0.0.1")
                    .globalTemplating(true)
                    .asynchronousResponseEnabled(true));
            server.start();
            stubStripe(server);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stripe-fake-stop"));
        }
        return server;
    }

    /** A WireMock client for this fake, to stub and verify. */
    public static WireMock client() {
        return new WireMock("127.0.0.1", server().port());
    }

    /** A Stripe subscription object as the API answers it. */
    public static String subscriptionJson(String id, String customerId, String status, String itemId, String priceId) {
        return """
                {"id":"%s","object":"subscription","status":"%s","customer":"%s","cancel_at_period_end":false,
                 "items":{"object":"list","has_more":false,"url":"/v1/subscription_items?subscription=%s",
                  "data":[{"id":"%s","object":"subscription_item","current_period_start":1795400000,
                           "current_period_end":1798000000,"price":{"id":"%s","object":"price"}}]},
                 "metadata":{}}""".formatted(id, status, customerId, id, itemId, priceId);
    }

    /** A fresh Stripe event id. */
    public static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A Stripe event as its webhook posts it, at the API version stripe-java speaks. */
    public static String event(String id, String type, String object) {
        return """
                {"id":"%s","object":"event","api_version":"%s","created":1795400000,"type":"%s","livemode":false,
                 "pending_webhooks":1,"request":{"id":null,"idempotency_key":null},
                 "data":{"object":%s}}""".formatted(id, Stripe.API_VERSION, type, object);
    }

    /** The {@code Stripe-Signature} header Stripe would send with {@code payload} (scheme v1, now). */
    public static String signature(String payload, String secret) {
        long timestamp = Instant.now().getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stripe's preview of a subscription's next invoice (API version {@link Stripe#API_VERSION}): the two proration
     * lines of a price change from the proration date to the period's end ({@code
     * parent.subscription_item_details.proration: true}, the credit negative), then the next period on the new price;
     * fixed amounts, the subscription, item, price and proration date those of the request.
     */
    private static String invoicePreviewJson() {
        String subscription = FORM + "{{form.subscription}}";
        String item = FORM + "{{lookup form 'subscription_details[items][0][id]'}}";
        String price = FORM + "{{lookup form 'subscription_details[items][0][price]'}}";
        String prorationDate = FORM + "{{lookup form 'subscription_details[proration_date]'}}";
        return """
                {"id":"upcoming_in_%1$s","object":"invoice","account_country":"US","account_name":"Tenantry Test",
                 "account_tax_ids":null,"amount_due":%2$d,"amount_overpaid":0,"amount_paid":0,"amount_remaining":%2$d,
                 "amount_shipping":0,"application":null,"attempt_count":0,"attempted":false,"auto_advance":false,
                 "automatic_tax":{"enabled":false,"liability":null,"status":null},"billing_reason":"upcoming",
                 "collection_method":"charge_automatically","created":%3$d,"currency":"usd","customer":"cus_fake",
                 "customer_email":null,"customer_name":null,"default_payment_method":null,"default_tax_rates":[],
                 "description":null,"discounts":[],"due_date":null,"ending_balance":0,"footer":null,
                 "hosted_invoice_url":null,"invoice_pdf":null,"issuer":{"type":"self"},"livemode":false,
                 "metadata":{},"next_payment_attempt":%4$d,"number":null,"on_behalf_of":null,
                 "parent":{"type":"subscription_details","quote_details":null,
                  "subscription_details":{"metadata":{},"subscription":"%5$s","subscription_proration_date":%6$s }},
                 "period_end":%3$d,"period_start":%7$d,"post_payment_credit_notes_amount":0,
                 "pre_payment_credit_notes_amount":0,"receipt_number":null,"starting_balance":0,
                 "statement_descriptor":null,"status":"draft","subtotal":%2$d,"subtotal_excluding_tax":%2$d,
                 "total":%2$d,"total_discount_amounts":[],"total_excluding_tax":%2$d,"total_taxes":[],
                 "lines":{"object":"list","has_more":false,"total_count":3,"url":"/v1/invoices/upcoming/lines",
                  "data":[
                   {"id":"il_tmp_credit_%1$s","object":"line_item","amount":%8$d,"currency":"usd",
                    "description":"Unused time on the previous price","discount_amounts":[],"discountable":false,
                    "discounts":[],"invoice":null,"livemode":false,"metadata":{},
                    "parent":{"type":"subscription_item_details","invoice_item_details":null,
                     "subscription_item_details":{"invoice_item":"ii_credit_%1$s","proration":true,
                      "proration_details":{"credited_items":{"invoice":"in_last","invoice_line_items":["il_last"]}},
                      "subscription":"%5$s","subscription_item":"%9$s"}},
                    "period":{"end":%3$d,"start":%6$s },"pretax_credit_amounts":[],
                    "pricing":{"price_details":{"price":"price_previous","product":"prod_tenantry"},
                     "type":"price_details","unit_amount_decimal":"4900"},"quantity":1,"taxes":[]},
                   {"id":"il_tmp_charge_%1$s","object":"line_item","amount":%10$d,"currency":"usd",
                    "description":"Remaining time on the new price","discount_amounts":[],"discountable":false,
                    "discounts":[],"invoice":null,"livemode":false,"metadata":{},
                    "parent":{"type":"subscription_item_details","invoice_item_details":null,
                     "subscription_item_details":{"invoice_item":"ii_charge_%1$s","proration":true,
                      "proration_details":{"credited_items":null},"subscription":"%5$s","subscription_item":"%9$s"}},
                    "period":{"end":%3$d,"start":%6$s },"pretax_credit_amounts":[],
                    "pricing":{"price_details":{"price":"%11$s","product":"prod_tenantry"},"type":"price_details",
                     "unit_amount_decimal":"19900"},"quantity":1,"taxes":[]},
                   {"id":"il_tmp_next_%1$s","object":"line_item","amount":%12$d,"currency":"usd",
                    "description":"1 x the new price","discount_amounts":[],"discountable":true,"discounts":[],
                    "invoice":null,"livemode":false,"metadata":{},
                    "parent":{"type":"subscription_item_details","invoice_item_details":null,
                     "subscription_item_details":{"invoice_item":null,"proration":false,
                      "proration_details":{"credited_items":null},"subscription":"%5$s","subscription_item":"%9$s"}},
                    "period":{"end":%13$d,"start":%3$d},"pretax_credit_amounts":[],
                    "pricing":{"price_details":{"price":"%11$s","product":"prod_tenantry"},"type":"price_details",
                     "unit_amount_decimal":"19900"},"quantity":1,"taxes":[]}]}}""".formatted(
                        RANDOM,
                        PREVIEW_AMOUNT_DUE,
                        PERIOD_END,
                        PERIOD_END + 3600,
                        subscription,
                        prorationDate,
                        PERIOD_START,
                        PREVIEW_CREDIT,
                        item,
                        PREVIEW_CHARGE,
                        price,
                        PREVIEW_NEXT_PERIOD,
                        PERIOD_END + 2_678_400);
    }

    private static void stubStripe(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo("/v1/customers")).willReturn(json("""
                {"id":"cus_%s","object":"customer","name":"{{formData request.body 'form' urlDecode=true}}{{form.name}}",
                 "metadata":{}}""".formatted(RANDOM))));
        server.stubFor(post(urlPathEqualTo("/v1/subscriptions"))
                .willReturn(json(subscriptionJson(
                        "sub_" + RANDOM,
                        "{{formData request.body 'form' urlDecode=true}}{{form.customer}}",
                        "active",
                        "si_" + RANDOM,
                        "{{formData request.body 'form' urlDecode=true}}{{lookup form 'items[0][price]'}}"))));
        server.stubFor(post(urlPathMatching("/v1/subscription_items/[^/]+")).willReturn(json("""
                {"id":"{{request.path.[2]}}","object":"subscription_item","current_period_start":1795400000,
                 "current_period_end":1798000000,
                 "price":{"id":"{{formData request.body 'form' urlDecode=true}}{{form.price}}","object":"price"}}""")));
        server.stubFor(post(urlPathEqualTo("/v1/invoices/create_preview")).willReturn(json(invoicePreviewJson())));
        // a billing meter event, as Stripe answers POST /v1/billing/meter_events: what was sent, echoed
        server.stubFor(post(urlPathEqualTo(METER_EVENTS)).willReturn(json("""
                {{formData request.body 'form' urlDecode=true}}{"object":"billing.meter_event","created":1795400000,
                 "event_name":"{{form.event_name}}","identifier":"{{form.identifier}}","livemode":false,
                 "payload":{"stripe_customer_id":"{{lookup form 'payload[stripe_customer_id]'}}",
                            "value":"{{lookup form 'payload[value]'}}"},
                 "timestamp":{{form.timestamp}} }""")));
        server.stubFor(delete(urlPathMatching("/v1/subscriptions/[^/]+"))
                .willReturn(json(subscriptionJson(
                        "{{request.path.[2]}}", "cus_unknown", "canceled", "si_unknown", "price_unknown"))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    /** Points a test context at the fake, unless its class is marked {@link Absent}. */
    public static final class Factory extends PropertiesFirst {
        @Override
        protected String name() {
            return "stripeFake";
        }

        @Override
        protected boolean appliesTo(Class<?> testClass) {
            return !AnnotatedElementUtils.hasAnnotation(testClass, Absent.class);
        }

        @Override
        protected Map<String, Object> properties() {
            return Map.of(
                    "tenantry.stripe.api-key",
                    API_KEY,
                    "tenantry.stripe.api-base",
                    "http://127.0.0.1:" + server().port(),
                    "tenantry.stripe.webhook-secret",
                    WEBHOOK_SECRET,
                    "tenantry.stripe.max-network-retries",
                    0,
                    "tenantry.stripe.read-timeout",
                    "3s");
        }
    }
}
