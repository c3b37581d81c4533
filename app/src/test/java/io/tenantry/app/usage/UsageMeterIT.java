package io.tenantry.app.usage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.tenantry.app.usage.UsageTenants.batch;
import static io.tenantry.app.usage.UsageTenants.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.StripeFake;
import io.tenantry.app.usage.UsageTenants.Tenant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Usage of a Stripe-metered quota reported to Stripe's billing meters (the Stripe fake): each record once, by a stable
 * identifier and idempotency key, even when Stripe first fails or stalls; a refusal for good is kept with its reason.
 */
class UsageMeterIT extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    private final WireMock stripe = StripeFake.client();
    private final List<StubMapping> faults = new ArrayList<>();
    private UsageTenants tenants;

    @BeforeEach
    void tenants() {
        tenants = new UsageTenants(api);
    }

    @AfterEach
    void removeFaults() {
        faults.forEach(stripe::removeStubMapping);
    }

    @Test
    void eachRecordIsReportedOnceThoughStripeFailsThenStalls() {
        Tenant tenant = tenants.create("business"); // api-calls: soft, 10,000,000 a month, meter api_calls
        String customer = customerOf(tenant);
        String scenario = "meter-" + customer;
        fault(meterEventsOf(customer)
                .inScenario(scenario)
                .whenScenarioStateIs(STARTED)
                .willSetStateTo("failed once")
                .willReturn(stripeError(500)));
        fault(meterEventsOf(customer)
                .inScenario(scenario)
                .whenScenarioStateIs("failed once")
                .willSetStateTo("failed twice")
                .willReturn(stripeError(500)));
        fault(meterEventsOf(customer)
                .inScenario(scenario)
                .whenScenarioStateIs("failed twice")
                .willSetStateTo("recovered")
                .willReturn(stripeError(503).withFixedDelay(6_000))); // past the client's 3 s read timeout
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> records = List.of(
                record("m-1", "api-calls", 2_500_000, now),
                record("m-2", "api-calls", 2_500_000, now.minusSeconds(60)),
                record("m-3", "api-calls", 2_500_000, now.minusSeconds(120)),
                record("m-4", "api-calls", 2_500_000, now.minusSeconds(180)),
                record("m-5", "emails", 10, now)); // no metered quota of that key

        long began = System.nanoTime();
        Api.Response answer = api.post(tenant.usage())
                .bearer(tenant.ownerToken())
                .json(batch(records))
                .send();
        long answeredMillis = (System.nanoTime() - began) / 1_000_000;
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("accepted").asInt()).isEqualTo(5);
        assertThat(answeredMillis).as("ingest does not wait for Stripe").isLessThan(2_000);
        Api.Response retried = api.post(tenant.usage())
                .bearer(tenant.ownerToken())
                .json(batch(records))
                .send();
        assertThat(retried.json().path("accepted").asInt())
                .as("a retried batch queues nothing again")
                .isZero();

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> outbox(tenant) == 0);

        List<ServeEvent> served = stripe.getServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith(StripeFake.METER_EVENTS))
                .filter(event -> customer.equals(form(event).get("payload[stripe_customer_id]")))
                .toList();
        Map<String, List<ServeEvent>> byIdentifier = served.stream()
                .collect(Collectors.groupingBy(
                        event -> form(event).get("identifier"), TreeMap::new, Collectors.toList()));
        Map<String, String> expected = new TreeMap<>();
        for (int i = 1; i <= 4; i++) {
            expected.put(identifier(tenant.id(), "m-" + i), "m-" + i);
        }
        assertThat(byIdentifier.keySet())
                .as("one identifier per metered record")
                .isEqualTo(expected.keySet());
        assertThat(served.stream().filter(event -> event.getResponse().getStatus() == 500))
                .hasSize(2);
        assertThat(served.stream().filter(event -> event.getResponse().getStatus() == 503))
                .hasSize(1);
        byIdentifier.forEach((identifier, attempts) -> {
            assertThat(attempts.stream().filter(event -> event.getResponse().getStatus() == 200))
                    .as("answered once by Stripe: %s", identifier)
                    .hasSize(1);
            assertThat(attempts.stream()
                            .map(event -> event.getRequest().getHeader("Idempotency-Key"))
                            .distinct())
                    .as("every attempt is the same idempotent request")
                    .containsExactly("tenantry-meter-" + identifier);
            Map<String, String> form = form(attempts.get(0));
            assertThat(form)
                    .containsEntry("event_name", "api_calls")
                    .containsEntry("payload[value]", "2500000")
                    .containsEntry("payload[stripe_customer_id]", customer);
            assertThat(Long.parseLong(form.get("timestamp")))
                    .isBetween(now.minusSeconds(180).getEpochSecond(), now.getEpochSecond());
        });
        assertThat(jdbc.queryForList("""
                        select convert_from(payload, 'UTF8') from domain_event_entry
                        where payload_type = 'io.tenantry.contracts.entitlement.UsageThresholdReachedEvent'
                        and convert_from(payload, 'UTF8') like ? order by global_index""", String.class, "%\"tenantId\":\"" + tenant.id() + "\"%"))
                .as("80 %% and 100 %% of a soft quota")
                .hasSize(2)
                .allSatisfy(payload -> assertThat(payload).contains("\"enforcement\":\"SOFT\""));
    }

    @Test
    void aRefusalForGoodIsKeptWithItsReasonAndNotRetried() {
        Tenant tenant = tenants.create("team"); // api-calls: hard, 1,000,000 a month, meter api_calls
        String customer = customerOf(tenant);
        fault(meterEventsOf(customer)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"No active meter "
                                + "found for event_name api_calls\"}}")));

        Api.Response answer = api.post(tenant.usage())
                .bearer(tenant.ownerToken())
                .json(batch(List.of(record("refused", "api-calls", 1, Instant.now()))))
                .send();
        assertThat(answer.status()).isEqualTo(200);

        String reason = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> jdbc.queryForList(
                                "select last_error from usage_meter_outbox where tenant_id = ? and failed_at is not null",
                                String.class,
                                tenant.id()),
                        failed -> failed.size() == 1)
                .get(0);
        assertThat(reason).contains("400").contains("No active meter");
        pause(Duration.ofSeconds(3));
        assertThat(requestsOf(customer)).as("not tried again").isEqualTo(1);
        jdbc.update("delete from usage_meter_outbox where tenant_id = ?", tenant.id());
    }

    @Test
    void usageOfAQuotaWithoutAMeterIsNotReported() {
        Tenant tenant = tenants.create(null); // free: api-calls has no meter
        Api.Response answer = api.post(tenant.usage())
                .bearer(tenant.ownerToken())
                .json(batch(List.of(record("free-1", "api-calls", 1, Instant.now()))))
                .send();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(outbox(tenant)).isZero();
    }

    /** The tenant's Stripe customer, once its subscription is billed through Stripe. */
    private String customerOf(Tenant tenant) {
        return tenants.awaitRead(
                        "/api/tenants/" + tenant.id() + "/subscription",
                        tenant.ownerToken(),
                        subscription ->
                                "STRIPE".equals(subscription.path("billingMode").asText())
                                        && subscription
                                                .path("stripeCustomerId")
                                                .asText()
                                                .startsWith("cus_"))
                .path("stripeCustomerId")
                .asText();
    }

    private int outbox(Tenant tenant) {
        Integer count = jdbc.queryForObject(
                "select count(*) from usage_meter_outbox where tenant_id = ? and failed_at is null",
                Integer.class,
                tenant.id());
        return count == null ? 0 : count;
    }

    private int requestsOf(String customer) {
        return stripe.find(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                                urlPathEqualTo(StripeFake.METER_EVENTS))
                        .withFormParam("payload[stripe_customer_id]", equalTo(customer)))
                .size();
    }

    private static MappingBuilder meterEventsOf(String customer) {
        return post(urlPathEqualTo(StripeFake.METER_EVENTS))
                .atPriority(1)
                .withFormParam("payload[stripe_customer_id]", equalTo(customer));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder stripeError(int status) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"Stripe had a problem\"}}");
    }

    private void fault(MappingBuilder stub) {
        StubMapping mapping = stub.build();
        stripe.register(mapping);
        faults.add(mapping);
    }

    /** A request's form fields, decoded. */
    static Map<String, String> form(ServeEvent event) {
        Map<String, String> fields = new TreeMap<>();
        for (String pair : event.getRequest().getBodyAsString().split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(
                        java.net.URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    /** The meter event identifier of a record, as documented: tu_ and the SHA-256 of tenant, NUL, record id. */
    static String identifier(String tenantId, String recordId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((tenantId + '\u0000' + recordId).getBytes(StandardCharsets.UTF_8));
            return "tu_" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
