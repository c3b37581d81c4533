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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stand-in for Stripe's HTTP API (WireMock, one per test JVM), answering as Stripe documents: customers,
 * subscriptions with one item, item updates and cancellations, with fresh ids, and billing meter events. Every test context is pointed at it
 * ({@code tenantry.stripe.*}, registered in META-INF/spring.factories), so billing runs the real stripe-java client
 * against it; tests add their own answers (a status to reconcile, an outage) and check what was sent.
 */
public final class StripeFake {

    public static final String API_KEY = "sk_test_tenantry";
    public static final String WEBHOOK_SECRET = "whsec_tenantry_test";
    /** Where billing meter events are sent. */
    public static final String METER_EVENTS = "/v1/billing/meter_events";

    private static final String RANDOM = "{{randomValue length=14 type='ALPHANUMERIC'}}";
    private static WireMockServer server;

    private StripeFake() {}

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

    /** Points a test context at the fake. */
    public static final class Factory extends PropertiesFirst {
        @Override
        protected String name() {
            return "stripeFake";
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
