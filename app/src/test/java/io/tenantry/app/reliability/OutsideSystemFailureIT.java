package io.tenantry.app.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.admin.model.ServeEventQuery;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.tenantry.app.ops.ProjectionAdmin;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.Auth0Fake;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.KeycloakServer;
import io.tenantry.app.test.ProvisioningOrchestrator;
import io.tenantry.app.test.StripeFake;
import io.tenantry.contracts.subscription.SubscriptionIds;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reliability scenario 7 of the battery, slow and failing outside systems: Stripe, Auth0 and Keycloak stall past
 * Tenantry's read timeout, answer 500 or drop the connection. The API answers within its timeout with a 503 problem
 * (never a 500), unrelated requests stay fast while the stalled ones wait (no thread or connection pool runs dry), and
 * the sagas do what they are built to do: the subscription saga holds back and completes once Stripe is back (its
 * processor retries the step with back-off), a provisioning attempt whose identity provider fails is failed, and a
 * retry after recovery succeeds, and usage ingest goes on while Stripe's meters are out, each record reported once
 * when they are back. Faults are scoped to this class's own tenants and removed afterwards, since the fakes
 * and Keycloak are shared by every test of the JVM. What was applied, injected and counted goes to
 * {@code target/reliability/outside-systems.txt}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutsideSystemFailureIT extends IntegrationTest {

    private static final Path SUMMARY = Path.of("target", "reliability", "outside-systems.txt");
    /**
     * A stalled fake answers only after this, long past every read timeout (WireMock schedules it; no thread waits).
     */
    private static final Duration FAKE_STALL = Duration.ofSeconds(20);
    /** What an answer may take beyond the outside system's read timeout. */
    private static final Duration MARGIN = Duration.ofSeconds(3);

    private static final Map<Integer, List<String>> REPORT = new TreeMap<>();
    private static long began;
    private static long scenarioBegan;

    @RegisterExtension
    static final TestWatcher OUTCOME = new TestWatcher() {
        @Override
        public void testSuccessful(ExtensionContext context) {
            outcome(context, "passed");
        }

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            outcome(context, "FAILED: " + cause.toString().lines().findFirst().orElse(""));
        }

        private void outcome(ExtensionContext context, String outcome) {
            int order =
                    context.getRequiredTestMethod().getAnnotation(Order.class).value();
            report(order, "result:  " + outcome + " (" + millisSince(scenarioBegan) + " ms)");
        }
    };

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ProjectionAdmin projections;

    private final WireMock stripe = StripeFake.client();
    private final WireMock auth0 = Auth0Fake.client();
    private final List<Fault> faults = new ArrayList<>();

    @BeforeEach
    void startClock() {
        scenarioBegan = System.nanoTime();
        if (began == 0) {
            began = scenarioBegan;
        }
    }

    @Test
    @Order(1)
    void aStalledOrFailingStripeAnswers503InTimeAndLeavesOtherRequestsFast() {
        Duration readTimeout = duration("tenantry.stripe.read-timeout");
        int concurrency = binder().bind("spring.datasource.hikari.maximum-pool-size", Integer.class)
                        .orElse(10)
                + 4;
        String owner = uniqueUser("owner");
        String ownerToken = api.token(owner);
        String tenantId = createTenant(ownerToken, "Reconcile Co", "POOLED", Map.of(), "team");
        JsonNode subscription = awaitRead(
                "/api/tenants/" + tenantId + "/subscription",
                ownerToken,
                body -> "STRIPE".equals(body.path("billingMode").asText()));
        String stripeId = subscription.path("stripeSubscriptionId").asText();
        String reconcile = "/api/tenants/" + tenantId + "/subscription/reconcile";
        Bystander bystander = bystander();
        RequestPatternBuilder reads = getRequestedFor(urlPathEqualTo("/v1/subscriptions/" + stripeId));
        // what Stripe answers when well (the fake has no subscription reads of its own); the faults go above it
        StubMapping well = stripe.register(get(urlPathEqualTo("/v1/subscriptions/" + stripeId))
                .atPriority(2)
                .willReturn(lateSubscription(stripeId)));

        Batch stalled;
        Timed failing;
        Timed reset;
        long faultStarted = System.nanoTime();
        try {
            fault(
                    stripe,
                    get(urlPathEqualTo("/v1/subscriptions/" + stripeId))
                            .atPriority(1)
                            .willReturn(lateSubscription(stripeId).withFixedDelay((int) FAKE_STALL.toMillis())));
            int before = stripe.find(reads).size();
            stalled = concurrently(
                    concurrency,
                    () -> api.post(reconcile).bearer(ownerToken).send(),
                    () -> awaitHeld(stripe, reads, before + concurrency),
                    bystander::read);
            clearFaults();
            fault(
                    stripe,
                    get(urlPathEqualTo("/v1/subscriptions/" + stripeId))
                            .atPriority(1)
                            .willReturn(aResponse()
                                    .withStatus(500)
                                    .withHeader("Content-Type", "application/json")
                                    .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"Stripe "
                                            + "had a problem\"}}")));
            failing = timed(() -> api.post(reconcile).bearer(ownerToken).send());
            clearFaults();
            fault(
                    stripe,
                    get(urlPathEqualTo("/v1/subscriptions/" + stripeId))
                            .atPriority(1)
                            .willReturn(aResponse()
                                    .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
            reset = timed(() -> api.post(reconcile).bearer(ownerToken).send());
        } finally {
            clearFaults();
        }
        long faultMillis = millisSince(faultStarted);
        Timed recovered;
        try {
            recovered = timed(() -> api.post(reconcile).bearer(ownerToken).send());
        } finally {
            stripe.removeStubMapping(well);
        }

        report(1, "== Stripe stalls, fails and resets under POST /api/tenants/{id}/subscription/reconcile ==");
        report(
                1,
                "load:    %d concurrent reconciles while Stripe stalls (4 more than the %d database connections), "
                        + "with %d concurrent unrelated reads (GET /api/tenants/{id}, GET .../members/{userId}) "
                        + "fired once "
                        + "Stripe held all of them; then 1 reconcile on a 500, 1 on a reset connection, 1 after "
                        + "recovery",
                concurrency,
                concurrency - 4,
                concurrency);
        report(
                1,
                "faults:  StripeFake GET /v1/subscriptions/%s: answer after %d ms (client read timeout %d ms), then "
                        + "HTTP 500 api_error, then CONNECTION_RESET_BY_PEER; %d ms in all, then removed",
                stripeId,
                FAKE_STALL.toMillis(),
                readTimeout.toMillis(),
                faultMillis);
        report(
                1,
                "checked: stalled -> %s, %s (bound %d ms); unrelated -> %s, %s (bound < %d ms)",
                stalled.stalledStatuses(),
                stalled.stalledLatency(),
                bound(readTimeout),
                stalled.healthyStatuses(),
                stalled.healthyLatency(),
                readTimeout.toMillis());
        report(
                1,
                "checked: 500 -> %d in %d ms; reset -> %d in %d ms; recovered -> %d in %d ms; status events "
                        + "recorded by the outages: %d",
                failing.status(),
                failing.millis(),
                reset.status(),
                reset.millis(),
                recovered.status(),
                recovered.millis(),
                reconciledEvents(subscription.path("subscriptionId").asText()));

        stalled.stalled().forEach(call -> {
            assertProblem(call.response(), 503, "billing_unavailable");
            assertThat(call.response().header("Retry-After")).hasValue("30");
        });
        assertStalledInTime(stalled, readTimeout);
        assertHealthyFast(stalled, readTimeout);
        assertProblem(failing.response(), 503, "billing_unavailable");
        assertProblem(reset.response(), 503, "billing_unavailable");
        assertThat(List.of(failing.millis(), reset.millis()))
                .as("a 500 or a reset waits for no timeout")
                .allMatch(millis -> millis < readTimeout.toMillis());
        assertThat(recovered.status()).as(recovered.response().toString()).isEqualTo(204);
        assertThat(reconciledEvents(subscription.path("subscriptionId").asText()))
                .as("outages change nothing")
                .isZero();
    }

    @Test
    @Order(2)
    void theSubscriptionSagaHoldsBackWhileStripeFailsOrStallsAndCompletesOnceItRecovers() {
        Duration readTimeout = duration("tenantry.stripe.read-timeout");
        String ownerToken = api.token(uniqueUser("owner"));
        String slug = uniqueSlug("outage");
        String name = "Outage Co " + slug;
        RequestPatternBuilder customerCalls = postRequestedFor(urlPathEqualTo("/v1/customers"))
                .withRequestBody(containing("name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)));

        String tenantId;
        Timed created;
        Timed read;
        Timed subscriptionRead;
        int failedFast;
        int stalledAttempts;
        int startedWhileOut;
        boolean processorReportedError;
        long faultStarted = System.nanoTime();
        try {
            Fault failing = fault(
                    stripe,
                    customers(name)
                            .willReturn(aResponse()
                                    .withStatus(500)
                                    .withHeader("Content-Type", "application/json")
                                    .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"Stripe "
                                            + "had a problem\"}}")));
            created = timed(() -> api.post("/api/tenants")
                    .bearer(ownerToken)
                    .json(Map.of("name", name, "slug", slug, "tier", "POOLED", "planId", "team"))
                    .send());
            assertThat(created.status()).as(created.response().toString()).isEqualTo(201);
            tenantId = created.response().json().path("id").asText();
            await().atMost(Duration.ofSeconds(20)).until(() -> failing.answered() >= 2);
            processorReportedError = sagaInError();

            // above the 500 (priority 2), so no request slips through to the fake's default answer in between
            Fault stalling = fault(
                    stripe,
                    customers(name)
                            .atPriority(1)
                            .willReturn(aResponse().withStatus(200).withFixedDelay((int) FAKE_STALL.toMillis())));
            await().atMost(Duration.ofSeconds(30)).until(() -> stalling.answered() >= 1);
            read = timed(
                    () -> api.get("/api/tenants/" + tenantId).bearer(ownerToken).send());
            subscriptionRead = timed(() -> api.get("/api/tenants/" + tenantId + "/subscription")
                    .bearer(ownerToken)
                    .send());
            pause(readTimeout); // the stalled attempt has given up by now
            processorReportedError &= sagaInError();
            startedWhileOut = subscriptionStartedEvents(tenantId);
            failedFast = failing.answered();
            stalledAttempts = stalling.answered();
        } finally {
            clearFaults();
        }
        long faultMillis = millisSince(faultStarted);
        long recovering = System.nanoTime();
        JsonNode subscription = awaitSubscription(ownerToken, tenantId, Duration.ofSeconds(70));
        long recoveredMillis = millisSince(recovering);
        List<String> keys = stripe.find(customerCalls).stream()
                .map(request -> request.getHeader("Idempotency-Key"))
                .distinct()
                .toList();
        int attempts = stripe.find(customerCalls).size();
        int subscribed = stripe.find(postRequestedFor(urlPathEqualTo("/v1/subscriptions"))
                        .withRequestBody(containing("metadata[tenant_id]=" + tenantId)))
                .size();

        report(2, "== Stripe fails, then stalls, while the subscription saga starts a paid tenant's subscription ==");
        report(
                2,
                "load:    1 tenant created on plan team (POST /api/tenants), its subscription saga calling Stripe; "
                        + "1 tenant read and 1 subscription read during the outage");
        report(
                2,
                "faults:  StripeFake POST /v1/customers for this tenant: HTTP 500 api_error until the saga had tried "
                        + "%d times, then an answer after %d ms (client read timeout %d ms); %d ms in all, then "
                        + "removed",
                failedFast,
                FAKE_STALL.toMillis(),
                readTimeout.toMillis(),
                faultMillis);
        report(
                2,
                "checked: create -> %d in %d ms; during the outage: tenant read -> %d in %d ms, subscription read -> "
                        + "%d in %d ms, SubscriptionStartedEvent %d, saga processor in error (retrying with "
                        + "back-off) after "
                        + "each fault: %s",
                created.status(),
                created.millis(),
                read.status(),
                read.millis(),
                subscriptionRead.status(),
                subscriptionRead.millis(),
                startedWhileOut,
                processorReportedError);
        report(
                2,
                "checked: Stripe customer attempts %d (%d answered 500, %d stalled, %d after recovery), all with "
                        + "Idempotency-Key %s; subscription started %d ms after recovery (billing %s, %d "
                        + "SubscriptionStartedEvent, "
                        + "%d Stripe subscription created)",
                attempts,
                failedFast,
                stalledAttempts,
                attempts - failedFast - stalledAttempts,
                keys,
                recoveredMillis,
                subscription.path("billingMode").asText(),
                subscriptionStartedEvents(tenantId),
                subscribed);

        assertThat(created.millis())
                .as("creating the tenant does not wait for Stripe")
                .isLessThan(readTimeout.toMillis());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.millis()).isLessThan(readTimeout.toMillis());
        assertThat(subscriptionRead.status())
                .as("no subscription yet, and no server error")
                .isIn(200, 404);
        assertThat(startedWhileOut).as("no subscription while Stripe is out").isZero();
        assertThat(processorReportedError)
                .as("the saga's step fails and its processor retries it")
                .isTrue();
        assertThat(failedFast).as("retried after a 500").isGreaterThanOrEqualTo(2);
        assertThat(stalledAttempts).as("retried after a stall").isGreaterThanOrEqualTo(1);
        assertThat(attempts - failedFast - stalledAttempts)
                .as("one successful attempt after recovery")
                .isEqualTo(1);
        assertThat(keys)
                .as("every attempt is the same idempotent request")
                .containsExactly("tenantry-customer-" + tenantId);
        assertThat(subscription.path("billingMode").asText()).isEqualTo("STRIPE");
        assertThat(subscription.path("stripeCustomerId").asText()).startsWith("cus_");
        assertThat(subscriptionStartedEvents(tenantId)).isEqualTo(1);
        assertThat(subscribed).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aStalledOrFailingAuth0Answers503InTimeAndLeavesOtherRequestsFast() {
        Duration readTimeout = duration("tenantry.idp.auth0.read-timeout");
        int concurrency = 8;
        String admin = partnerAdmin();
        String ownerToken = api.token(uniqueUser("owner"));
        String tenantId = createTenant(ownerToken, "Auth0 Co", "POOLED", Map.of(), null);
        String idp = "/api/tenants/" + tenantId + "/idp";
        Supplier<Api.Response> setUp = () -> api.post(idp)
                .bearer(admin)
                .json(Map.of("identityProvider", "AUTH0"))
                .send();
        Bystander bystander = bystander();
        RequestPatternBuilder creates = postRequestedFor(urlPathEqualTo("/api/v2/organizations"))
                .withRequestBody(equalToJson(organizationJson(tenantId), true, true));

        Batch stalled;
        Timed failing;
        Timed reset;
        long faultStarted = System.nanoTime();
        try {
            fault(
                    auth0,
                    organizations(tenantId)
                            .willReturn(Auth0Fake.json(201, "{\"id\":\"org_late\"}")
                                    .withFixedDelay((int) FAKE_STALL.toMillis())));
            int before = auth0.find(creates).size();
            stalled = concurrently(
                    concurrency, setUp, () -> awaitHeld(auth0, creates, before + concurrency), bystander::read);
            clearFaults();
            fault(
                    auth0,
                    organizations(tenantId)
                            .willReturn(Auth0Fake.json(
                                    500,
                                    Auth0Fake.errorJson(
                                            500, "Internal Server Error", "something broke", "internal_error"))));
            failing = timed(setUp);
            clearFaults();
            fault(
                    auth0,
                    organizations(tenantId)
                            .willReturn(aResponse()
                                    .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
            reset = timed(setUp);
        } finally {
            clearFaults();
        }
        long faultMillis = millisSince(faultStarted);
        Timed recovered = timed(setUp);

        report(3, "== Auth0 stalls, fails and resets under POST /api/tenants/{id}/idp ==");
        report(
                3,
                "load:    %d concurrent Auth0 set-ups of one tenant while Auth0 stalls, with %d concurrent unrelated "
                        + "reads fired once Auth0 held all of them; then 1 set-up on a 500, 1 on a reset "
                        + "connection, 1 after "
                        + "recovery",
                concurrency,
                concurrency);
        report(
                3,
                "faults:  Auth0Fake POST /api/v2/organizations for this tenant: answer after %d ms (client read "
                        + "timeout %d ms), then HTTP 500, then CONNECTION_RESET_BY_PEER; %d ms in all, then removed",
                FAKE_STALL.toMillis(),
                readTimeout.toMillis(),
                faultMillis);
        report(
                3,
                "checked: stalled -> %s, %s (bound %d ms); unrelated -> %s, %s (bound < %d ms)",
                stalled.stalledStatuses(),
                stalled.stalledLatency(),
                bound(readTimeout),
                stalled.healthyStatuses(),
                stalled.healthyLatency(),
                readTimeout.toMillis());
        report(
                3,
                "checked: 500 -> %d in %d ms; reset -> %d in %d ms; recovered -> %d in %d ms",
                failing.status(),
                failing.millis(),
                reset.status(),
                reset.millis(),
                recovered.status(),
                recovered.millis());

        stalled.stalled().forEach(call -> assertProblem(call.response(), 503, "idp_unavailable"));
        assertStalledInTime(stalled, readTimeout);
        assertHealthyFast(stalled, readTimeout);
        assertProblem(failing.response(), 503, "idp_unavailable");
        assertProblem(reset.response(), 503, "idp_unavailable");
        assertThat(List.of(failing.millis(), reset.millis()))
                .as("a 500 or a reset waits for no timeout")
                .allMatch(millis -> millis < readTimeout.toMillis());
        assertThat(recovered.status()).as(recovered.response().toString()).isEqualTo(200);
        assertThat(recovered.response().json().path("organizationId").asText()).startsWith("org_");
    }

    @Test
    @Order(4)
    void aStalledAuth0FailsTheProvisioningAttemptAndARetryAfterRecoverySucceeds() {
        Duration readTimeout = duration("tenantry.idp.auth0.read-timeout");
        String admin = partnerAdmin();
        String ownerToken = api.token(uniqueUser("owner"));
        String tenantId =
                createTenant(ownerToken, "Provisioned Co", "POOLED", Map.of("identityProvider", "AUTH0"), null);
        ProvisioningOrchestrator orchestrator =
                new ProvisioningOrchestrator(api, environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
        RequestPatternBuilder creates = postRequestedFor(urlPathEqualTo("/api/v2/organizations"))
                .withRequestBody(equalToJson(organizationJson(tenantId), true, true));

        Timed provision;
        Timed answered;
        long failedMillis;
        int attemptsWhileOut;
        long faultStarted = System.nanoTime();
        try {
            fault(
                    auth0,
                    organizations(tenantId)
                            .willReturn(Auth0Fake.json(201, "{\"id\":\"org_late\"}")
                                    .withFixedDelay((int) FAKE_STALL.toMillis())));
            provision = timed(() -> api.post("/api/tenants/" + tenantId + "/provision")
                    .bearer(admin)
                    .send());
            assertThat(provision.status()).as(provision.response().toString()).isEqualTo(202);
            String contextId =
                    orchestrator.awaitRequest(tenantId, 1).path("contextId").asText();
            answered = timed(() -> orchestrator.answer(tenantId, true, 0, contextId));
            long answeredAt = System.nanoTime();
            awaitStatus(ownerToken, tenantId, "PROVISION_FAILED", readTimeout.plus(Duration.ofSeconds(20)));
            failedMillis = millisSince(answeredAt);
            attemptsWhileOut = auth0.find(creates).size();
        } finally {
            clearFaults();
        }
        long faultMillis = millisSince(faultStarted);
        int failedEvents = tenantEvents(tenantId, "TenantProvisioningFailedEvent");
        int provisionedBeforeRetry = tenantEvents(tenantId, "TenantProvisionedEvent");
        boolean activeWhileFailed = api.get("/api/tenants/" + tenantId + "/subscription")
                .bearer(ownerToken)
                .send()
                .json()
                .path("active")
                .asBoolean();
        String history = api.get("/api/audit/tenants/" + tenantId + "/events?limit=100")
                .bearer(admin)
                .send()
                .body();

        Timed retry = timed(() -> api.post("/api/tenants/" + tenantId + "/provision")
                .bearer(admin)
                .send());
        assertThat(retry.status()).as(retry.response().toString()).isEqualTo(202);
        String retryContext =
                orchestrator.awaitRequest(tenantId, 2).path("contextId").asText();
        assertThat(orchestrator.answer(tenantId, true, 0, retryContext).status())
                .isEqualTo(200);
        awaitStatus(ownerToken, tenantId, "ACTIVE", Duration.ofSeconds(20));
        JsonNode subscription = awaitRead(
                "/api/tenants/" + tenantId + "/subscription",
                ownerToken,
                body -> body.path("active").asBoolean());

        report(4, "== Auth0 stalls while the provisioning saga sets a tenant up ==");
        report(
                4,
                "load:    1 tenant on AUTH0 provisioned (POST /provision, the orchestrator's signed success), "
                        + "then retried after recovery");
        report(
                4,
                "faults:  Auth0Fake POST /api/v2/organizations for this tenant: answer after %d ms (client read "
                        + "timeout %d ms); %d ms, then removed",
                FAKE_STALL.toMillis(),
                readTimeout.toMillis(),
                faultMillis);
        report(
                4,
                "checked: provision -> %d in %d ms, webhook answer -> %d in %d ms; PROVISION_FAILED %d ms after the "
                        + "answer; TenantProvisioningFailedEvent %d, TenantProvisionedEvent %d, subscription "
                        + "active %s, Auth0 "
                        + "organization attempts %d (no automatic retry)",
                provision.status(),
                provision.millis(),
                answered.status(),
                answered.millis(),
                failedMillis,
                failedEvents,
                provisionedBeforeRetry,
                activeWhileFailed,
                attemptsWhileOut);
        report(
                4,
                "checked: retry -> %d in %d ms, then ACTIVE with an active subscription; Auth0 organization attempts "
                        + "%d, TenantIdentityProviderConfiguredEvent %d",
                retry.status(),
                retry.millis(),
                auth0.find(creates).size(),
                tenantEvents(tenantId, "TenantIdentityProviderConfiguredEvent"));

        assertThat(provision.millis()).isLessThan(readTimeout.toMillis());
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.millis())
                .as("the webhook does not wait for the identity provider")
                .isLessThan(readTimeout.toMillis());
        assertThat(failedEvents).isEqualTo(1);
        assertThat(provisionedBeforeRetry).isZero();
        assertThat(activeWhileFailed).isFalse();
        assertThat(history).contains("identity provider");
        assertThat(attemptsWhileOut)
                .as("the attempt fails; only POST /provision retries")
                .isEqualTo(1);
        assertThat(auth0.find(creates).size()).isEqualTo(2);
        assertThat(tenantEvents(tenantId, "TenantProvisionedEvent")).isEqualTo(1);
        assertThat(tenantEvents(tenantId, "TenantIdentityProviderConfiguredEvent"))
                .isEqualTo(1);
        assertThat(subscription.path("active").asBoolean()).isTrue();
    }

    @Test
    @Order(5)
    void aStalledKeycloakAnswers503InTimeAndConcurrentSetUpsDoNotTripOverEachOther() {
        Duration readTimeout = duration("tenantry.idp.keycloak.read-timeout");
        int concurrency = 4;
        String admin = partnerAdmin();
        String ownerToken = api.token(uniqueUser("owner"));
        List<String> tenants = new ArrayList<>();
        for (int i = 0; i <= concurrency; i++) {
            tenants.add(createTenant(ownerToken, "Keycloak Co", "POOLED", Map.of(), null));
        }
        IntFunction<Api.Response> setUp = i -> api.post("/api/tenants/" + tenants.get(i) + "/idp")
                .bearer(admin)
                .json(Map.of("identityProvider", "KEYCLOAK"))
                .send();
        Bystander bystander = bystander();

        // healthy first: one set-up alone (it makes the shared realm if this JVM has none yet: made by several at
        // once, Keycloak refuses all but one with a 400), then concurrent ones (and a fresh admin token for the stall)
        Timed first = timed(() -> setUp.apply(0));
        assertThat(first.status()).as(first.response().toString()).isEqualTo(200);
        List<Timed> parallel = all(concurrency, i -> timed(() -> setUp.apply(i + 1)));
        Batch stalled;
        long faultStarted = System.nanoTime();
        KeycloakServer.pause();
        try {
            stalled = concurrently(
                    concurrency, () -> setUp.apply(0), () -> pause(Duration.ofMillis(500)), bystander::read);
        } finally {
            KeycloakServer.resume();
        }
        long faultMillis = millisSince(faultStarted);
        Timed recovered = timed(() -> setUp.apply(0));

        report(5, "== Keycloak stalls (a real Keycloak, SIGSTOPped) under POST /api/tenants/{id}/idp ==");
        report(
                5,
                "load:    1 Keycloak set-up, then %d concurrent set-ups of %d more tenants while healthy; then %d "
                        + "concurrent set-ups while Keycloak stalls, with %d concurrent unrelated reads; 1 "
                        + "set-up after recovery",
                concurrency,
                concurrency,
                concurrency,
                concurrency);
        report(
                5,
                "faults:  KeycloakServer paused with SIGSTOP (client read timeout %d ms) for %d ms, then SIGCONT",
                readTimeout.toMillis(),
                faultMillis);
        report(
                5,
                "checked: healthy: first -> %d in %d ms, concurrent -> %s, max %d ms",
                first.status(),
                first.millis(),
                statuses(parallel),
                max(parallel));
        report(
                5,
                "checked: stalled -> %s, %s (bound %d ms); unrelated -> %s, %s (bound < %d ms); recovered -> %d in "
                        + "%d ms",
                stalled.stalledStatuses(),
                stalled.stalledLatency(),
                bound(readTimeout),
                stalled.healthyStatuses(),
                stalled.healthyLatency(),
                readTimeout.toMillis(),
                recovered.status(),
                recovered.millis());

        parallel.forEach(call -> assertThat(call.status())
                .as("concurrent set-ups: %s", call.response())
                .isEqualTo(200));
        stalled.stalled().forEach(call -> assertProblem(call.response(), 503, "idp_unavailable"));
        assertStalledInTime(stalled, readTimeout);
        assertHealthyFast(stalled, readTimeout);
        assertThat(recovered.status()).as(recovered.response().toString()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void usageIsAcceptedWhileStripeIsDownAndEachRecordIsReportedOnceWhenItIsBack() {
        Duration readTimeout = duration("tenantry.stripe.read-timeout");
        String ownerToken = api.token(uniqueUser("owner"));
        String tenantId = createTenant(ownerToken, "Metered Co", "POOLED", Map.of(), "team");
        String customer = awaitSubscription(ownerToken, tenantId, Duration.ofSeconds(30))
                .path("stripeCustomerId")
                .asText();
        int batches = 10;
        int perBatch = 50;
        int records = batches * perBatch;

        List<Timed> ingests = new ArrayList<>();
        int heldBack;
        int acceptedWhileOut;
        int failedAttempts;
        int stalledAttempts;
        long faultStarted = System.nanoTime();
        try {
            Fault failing = fault(
                    stripe,
                    meterEvents(customer)
                            .atPriority(2)
                            .willReturn(aResponse()
                                    .withStatus(500)
                                    .withHeader("Content-Type", "application/json")
                                    .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"Stripe "
                                            + "had a problem\"}}")));
            java.time.Instant now = java.time.Instant.now();
            for (int b = 0; b < batches; b++) {
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int r = 0; r < perBatch; r++) {
                    batch.add(Map.of(
                            "id",
                            "outage-" + b + "-" + r,
                            "key",
                            "api-calls",
                            "quantity",
                            1,
                            "timestamp",
                            now.toString()));
                }
                ingests.add(timed(() -> api.post("/api/tenants/" + tenantId + "/usage")
                        .bearer(ownerToken)
                        .json(Map.of("records", batch))
                        .send()));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> failing.answered() >= 2);
            Fault stalling = fault(
                    stripe,
                    meterEvents(customer)
                            .atPriority(1)
                            .willReturn(aResponse().withStatus(503).withFixedDelay((int) FAKE_STALL.toMillis())));
            await().atMost(Duration.ofSeconds(40)).until(() -> stalling.answered() >= 1);
            pause(readTimeout); // the stalled attempt has given up by now
            heldBack = meterOutbox(tenantId);
            acceptedWhileOut = meterEventsAnswered(customer, 200);
            failedAttempts = failing.answered();
            stalledAttempts = stalling.answered();
        } finally {
            clearFaults();
        }
        long faultMillis = millisSince(faultStarted);
        long recovering = System.nanoTime();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> meterOutbox(tenantId) == 0);
        long recoveredMillis = millisSince(recovering);
        Map<String, Long> acceptedPerRecord = StripeFake.client().getServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith(StripeFake.METER_EVENTS))
                .filter(event -> event.getRequest().getBodyAsString().contains(customer))
                .filter(event -> event.getResponse().getStatus() == 200)
                .collect(Collectors.groupingBy(
                        event -> String.valueOf(formField(event.getRequest().getBodyAsString(), "identifier")),
                        Collectors.counting()));
        int attempts = meterEventsAnswered(customer, null);

        report(6, "== Stripe fails, then stalls, while usage of a metered quota is ingested ==");
        report(
                6,
                "load:    1 tenant on plan team (api-calls metered, meter api_calls); %d batches of %d records "
                        + "(POST /api/tenants/{id}/usage) during the outage",
                batches,
                perBatch);
        report(
                6,
                "faults:  StripeFake POST /v1/billing/meter_events for this customer: HTTP 500 api_error (%d "
                        + "answered), then an answer after %d ms (client read timeout %d ms; %d held); %d ms in all, "
                        + "then removed",
                failedAttempts,
                FAKE_STALL.toMillis(),
                readTimeout.toMillis(),
                stalledAttempts,
                faultMillis);
        report(
                6,
                "checked: ingests -> %s, latency median %d / max %d ms; during the outage: %d records held back in "
                        + "the meter outbox, %d meter events accepted by Stripe",
                statuses(ingests),
                sorted(ingests).get(ingests.size() / 2),
                max(ingests),
                heldBack,
                acceptedWhileOut);
        report(
                6,
                "checked: after recovery the outbox drained in %d ms; %d meter event requests in all, %d records "
                        + "accepted by Stripe, each once: %s",
                recoveredMillis,
                attempts,
                acceptedPerRecord.size(),
                acceptedPerRecord.values().stream().allMatch(count -> count == 1));

        assertThat(ingests).allSatisfy(call -> {
            assertThat(call.status()).as(call.response().toString()).isEqualTo(200);
            assertThat(call.response().json().path("accepted").asInt()).isEqualTo(perBatch);
            assertThat(call.millis()).as("ingest does not wait for Stripe").isLessThan(readTimeout.toMillis());
        });
        assertThat(failedAttempts).as("retried after a 500").isGreaterThanOrEqualTo(2);
        assertThat(stalledAttempts).as("tried while stalled").isGreaterThanOrEqualTo(1);
        assertThat(acceptedWhileOut).as("nothing reported while Stripe is out").isZero();
        assertThat(heldBack).as("every record held back").isEqualTo(records);
        assertThat(acceptedPerRecord).as("every record reported").hasSize(records);
        assertThat(acceptedPerRecord.values()).as("each record reported once").containsOnly(1L);
    }

    @AfterAll
    static void writeSummary() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("Reliability scenario 7: slow and failing outside systems (OutsideSystemFailureIT)");
        REPORT.values().forEach(section -> {
            lines.addAll(section);
            lines.add("");
        });
        lines.add("run time: " + millisSince(began) + " ms (after the application had started)");
        Files.createDirectories(SUMMARY.getParent());
        Files.write(SUMMARY, lines, StandardCharsets.UTF_8);
        System.out.println(String.join(System.lineSeparator(), lines));
    }

    // --- the calls and their timing

    private record Timed(Api.Response response, long millis) {
        int status() {
            return response.status();
        }
    }

    /** Calls to a stalled endpoint and the unrelated calls made while they waited. */
    private record Batch(List<Timed> stalled, List<Timed> healthy) {
        String stalledStatuses() {
            return statuses(stalled);
        }

        String healthyStatuses() {
            return statuses(healthy);
        }

        String stalledLatency() {
            return "latency min " + min(stalled) + " / max " + max(stalled) + " ms";
        }

        String healthyLatency() {
            return "latency median " + sorted(healthy).get(healthy.size() / 2) + " / max " + max(healthy) + " ms";
        }
    }

    private static Timed timed(Supplier<Api.Response> call) {
        long start = System.nanoTime();
        Api.Response response = call.get();
        return new Timed(response, millisSince(start));
    }

    /**
     * {@code n} calls to the stalled endpoint at once; once the outside system holds them, {@code n} unrelated calls at
     * once. Each is timed by the caller.
     */
    private static Batch concurrently(
            int n, Supplier<Api.Response> stalled, Runnable awaitHeld, IntFunction<Api.Response> healthy) {
        ExecutorService callers = Executors.newFixedThreadPool(2 * n);
        try {
            List<Future<Timed>> stalledCalls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                stalledCalls.add(callers.submit(() -> timed(stalled)));
            }
            awaitHeld.run();
            List<Future<Timed>> healthyCalls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                healthyCalls.add(callers.submit(() -> timed(() -> healthy.apply(index))));
            }
            return new Batch(results(stalledCalls), results(healthyCalls));
        } finally {
            callers.shutdownNow();
        }
    }

    private static List<Timed> all(int n, IntFunction<Timed> call) {
        ExecutorService callers = Executors.newFixedThreadPool(n);
        try {
            List<Future<Timed>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                calls.add(callers.submit(() -> call.apply(index)));
            }
            return results(calls);
        } finally {
            callers.shutdownNow();
        }
    }

    private static List<Timed> results(List<Future<Timed>> calls) {
        List<Timed> results = new ArrayList<>();
        for (Future<Timed> call : calls) {
            try {
                results.add(call.get(60, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                throw new AssertionError("a call failed without an answer", e.getCause());
            } catch (TimeoutException e) {
                throw new AssertionError("a call had no answer within 60 s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return results;
    }

    /** Until the fake has received {@code count} requests like {@code pattern} (it holds the stalled ones). */
    private static void awaitHeld(WireMock fake, RequestPatternBuilder pattern, int count) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> fake.find(pattern).size() >= count);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A stalled call gives up at the read timeout, not before (the fault bit) and not long after (the bound). */
    private static void assertStalledInTime(Batch batch, Duration readTimeout) {
        assertThat(batch.stalled())
                .as("each stalled call waited for the read timeout, then answered")
                .allSatisfy(
                        call -> assertThat(call.millis()).isBetween(readTimeout.toMillis() - 250, bound(readTimeout)));
    }

    /** Unrelated calls answer while the stalled ones still wait: nothing they need is held by the stalled calls. */
    private static void assertHealthyFast(Batch batch, Duration readTimeout) {
        assertThat(batch.healthy()).allSatisfy(call -> {
            assertThat(call.status()).as(call.response().toString()).isEqualTo(200);
            assertThat(call.millis()).isLessThan(readTimeout.toMillis());
        });
    }

    private static long bound(Duration readTimeout) {
        return readTimeout.plus(MARGIN).toMillis();
    }

    private static String statuses(List<Timed> calls) {
        return calls.stream()
                .collect(Collectors.groupingBy(
                        call -> call.status() + problemCode(call.response()), TreeMap::new, Collectors.counting()))
                .entrySet()
                .stream()
                .map(entry -> entry.getKey() + " x" + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String problemCode(Api.Response response) {
        if (response.status() < 400
                || !response.header("Content-Type").orElse("").startsWith("application/problem+json")) {
            return "";
        }
        return " " + response.json().path("code").asText();
    }

    private static List<Long> sorted(List<Timed> calls) {
        return calls.stream().map(Timed::millis).sorted().toList();
    }

    private static long min(List<Timed> calls) {
        return sorted(calls).get(0);
    }

    private static long max(List<Timed> calls) {
        return sorted(calls).get(calls.size() - 1);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static synchronized void report(int scenario, String format, Object... arguments) {
        REPORT.computeIfAbsent(scenario, key -> new ArrayList<>())
                .add(arguments.length == 0 ? format : format.formatted(arguments));
    }

    // --- faults, always removed again: the fakes are shared by every test of the JVM

    /** A fault stubbed on a fake: it counts the requests it answered. */
    private record Fault(WireMock fake, StubMapping stub) {
        int answered() {
            return fake.getServeEvents(ServeEventQuery.forStubMapping(stub)).size();
        }
    }

    private Fault fault(WireMock fake, MappingBuilder stub) {
        Fault fault = new Fault(fake, stub.build());
        fake.register(fault.stub());
        faults.add(fault);
        return fault;
    }

    private void clearFaults() {
        faults.forEach(fault -> fault.fake().removeStubMapping(fault.stub()));
        faults.clear();
    }

    private static MappingBuilder customers(String tenantName) {
        return post(urlPathEqualTo("/v1/customers"))
                .atPriority(2)
                .withRequestBody(containing("name=" + URLEncoder.encode(tenantName, StandardCharsets.UTF_8)));
    }

    private static MappingBuilder meterEvents(String customerId) {
        return post(urlPathEqualTo(StripeFake.METER_EVENTS))
                .withFormParam(
                        "payload[stripe_customer_id]",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(customerId));
    }

    /** Meter event requests of this customer the fake answered with {@code status} (any, for null). */
    private int meterEventsAnswered(String customerId, Integer status) {
        return (int) stripe.getServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith(StripeFake.METER_EVENTS))
                .filter(event -> event.getRequest().getBodyAsString().contains(customerId))
                .filter(event -> status == null || event.getResponse().getStatus() == status)
                .count();
    }

    private static String formField(String body, String name) {
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0
                    && java.net.URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8)
                            .equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private int meterOutbox(String tenantId) {
        Integer count = jdbc.queryForObject(
                "select count(*) from usage_meter_outbox where tenant_id = ? and failed_at is null",
                Integer.class,
                tenantId);
        return count == null ? 0 : count;
    }

    private static MappingBuilder organizations(String tenantId) {
        return post(urlPathEqualTo("/api/v2/organizations"))
                .atPriority(1)
                .withRequestBody(equalToJson(organizationJson(tenantId), true, true));
    }

    private static String organizationJson(String tenantId) {
        return "{\"name\":\"tenant-" + tenantId.toLowerCase() + "\"}";
    }

    /** Stripe's answer to a subscription read, for a stall that answers in the end. */
    private static ResponseDefinitionBuilder lateSubscription(String subscriptionId) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(StripeFake.subscriptionJson(
                        subscriptionId, "cus_late", "active", "si_late", "price_team_monthly"));
    }

    // --- tenants and what the event store holds

    /** An unrelated tenant and its owner, read while an outside system stalls. */
    private record Bystander(Api api, String tenantId, String owner, String token) {
        Api.Response read(int index) {
            String path =
                    index % 2 == 0 ? "/api/tenants/" + tenantId : "/api/tenants/" + tenantId + "/members/" + owner;
            return api.get(path).bearer(token).send();
        }
    }

    private Bystander bystander() {
        String owner = uniqueUser("bystander");
        String token = api.token(owner);
        String tenantId = createTenant(token, "Bystander Co", "POOLED", Map.of(), null);
        awaitRead("/api/tenants/" + tenantId + "/members/" + owner, token, body -> true);
        return new Bystander(api, tenantId, owner, token);
    }

    private String createTenant(
            String ownerToken, String name, String tier, Map<String, String> settings, String planId) {
        String slug = uniqueSlug("outside");
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "name",
                name + " " + slug,
                "slug",
                slug,
                "tier",
                tier,
                "settings",
                settings,
                "contacts",
                List.of(Map.of("name", "Ada Lovelace", "email", uniqueUser("ada") + "@example.com", "primary", true))));
        if (planId != null) {
            body.put("planId", planId);
        }
        Api.Response created =
                api.post("/api/tenants").bearer(ownerToken).json(body).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private JsonNode awaitSubscription(String token, String tenantId, Duration atMost) {
        return await().atMost(atMost)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> {
                            Api.Response response = api.get("/api/tenants/" + tenantId + "/subscription")
                                    .bearer(token)
                                    .send();
                            return response.status() == 200 ? response.json() : null;
                        },
                        body -> body != null
                                && "STRIPE".equals(body.path("billingMode").asText()));
    }

    private void awaitStatus(String token, String tenantId, String status, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
            Api.Response response =
                    api.get("/api/tenants/" + tenantId).bearer(token).send();
            return response.status() == 200
                    && status.equals(response.json().path("status").asText());
        });
    }

    /** Whether the subscription saga's processor reports a failed step (it retries it with back-off). */
    private boolean sagaInError() {
        try {
            return await().atMost(Duration.ofSeconds(3))
                    .pollInterval(Duration.ofMillis(50))
                    .until(this::subscriptionSagaInError, inError -> inError);
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private boolean subscriptionSagaInError() {
        return projections
                .status("SubscriptionSagaProcessor")
                .map(status -> "error".equals(status.state()))
                .orElse(false);
    }

    private int subscriptionStartedEvents(String tenantId) {
        return count(SubscriptionIds.of(tenantId), "io.tenantry.contracts.subscription.SubscriptionStartedEvent");
    }

    private int reconciledEvents(String subscriptionId) {
        return count(subscriptionId, "io.tenantry.contracts.subscription.SubscriptionStatusReconciledEvent");
    }

    private int tenantEvents(String tenantId, String type) {
        return count(tenantId, "io.tenantry.contracts.tenant." + type);
    }

    private int count(String aggregateId, String payloadType) {
        Integer count = jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ? " + "and payload_type = ?",
                Integer.class,
                aggregateId,
                payloadType);
        return count == null ? 0 : count;
    }

    private Duration duration(String property) {
        return binder().bind(property, Duration.class).orElseThrow(() -> new IllegalStateException("no " + property));
    }

    private Binder binder() {
        return Binder.get(environment);
    }
}
