package io.tenantry.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.billing.BillingSupport;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.Concurrently;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.ProvisioningOrchestrator;
import io.tenantry.app.test.StripeFake;
import io.tenantry.contracts.subscription.PlanChangedEvent;
import io.tenantry.contracts.subscription.SubscriptionIds;
import io.tenantry.contracts.subscription.SubscriptionStatusReconciledEvent;
import io.tenantry.contracts.tenant.MemberAddedEvent;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import io.tenantry.contracts.tenant.TenantPlanChangedEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reliability scenario 5 of the battery, duplicates: writes retried with one Idempotency-Key, Stripe events delivered
 * again and provisioning webhooks replayed, each at once and after the first answer, {@value #ROUNDS} times with fresh
 * ids. Each is applied once: one event in the event store, and the retries answered as the first was. Reported in
 * {@code target/reliability/duplicates.txt}.
 */
class DuplicateDeliveryIT extends IntegrationTest {

    private static final String SCENARIO = "duplicates";
    private static final int ROUNDS = 20;
    /** Copies of one request sent at once; one more follows once they have answered. */
    private static final int AT_ONCE = 5;

    @Autowired
    private JdbcTemplate jdbc;

    private StoredEvents events;

    @BeforeEach
    void eventStore() {
        events = new StoredEvents(jdbc);
    }

    @Test
    void aCreateRetriedWithItsIdempotencyKeyCreatesOneTenant() throws Exception {
        ReliabilityReport.record(SCENARIO, "tenant create retried with one Idempotency-Key", block -> {
            block.load(
                    "%d rounds × (%d at once + 1 after) POST /api/tenants with the same caller, key and body (a fresh "
                            + "key and slug per round), %d requests in all",
                    ROUNDS, AT_ONCE, ROUNDS * (AT_ONCE + 1));
            block.faults(
                    "retries: each request duplicated %d times, %d of the copies concurrent with the first",
                    AT_ONCE, AT_ONCE - 1);
            String owner = api.token(uniqueUser("owner"));
            Outcomes answers = new Outcomes();
            Outcomes sameAnswer = new Outcomes();
            List<String> slugs = new ArrayList<>();
            try (Concurrently together = new Concurrently(AT_ONCE)) {
                for (int round = 0; round < ROUNDS; round++) {
                    String key = newKey();
                    String slug = uniqueSlug("once");
                    slugs.add(slug);
                    Callable<Api.Response> create = () -> api.post("/api/tenants")
                            .bearer(owner)
                            .header("Idempotency-Key", key)
                            .json(Map.of("name", "Once Co", "slug", slug, "tier", "POOLED"))
                            .send();
                    List<Api.Response> responses = retried(together, create);
                    responses.forEach(response -> answers.add(replayLabel(response)));
                    sameAnswer.add(oneAnswer(responses, "id") ? "one tenant id in all answers" : "different answers");
                }
            }
            Outcomes created = new Outcomes();
            events.countBy(TenantCreatedEvent.class, "slug", slugs)
                    .values()
                    .forEach(count -> created.add(count + " TenantCreatedEvent"));
            block.checked("HTTP: %s (expected %d × 201, %d × 201 replayed)", answers, ROUNDS, ROUNDS * AT_ONCE);
            block.checked("answers per round: %s (expected %d × that)", sameAnswer, ROUNDS);
            block.checked("event store, per slug: %s (expected %d × 1 TenantCreatedEvent)", created, ROUNDS);

            assertThat(answers.asMap()).isEqualTo(Map.of("201", ROUNDS, "201 replayed", ROUNDS * AT_ONCE));
            assertThat(sameAnswer.asMap()).isEqualTo(Map.of("one tenant id in all answers", ROUNDS));
            assertThat(created.asMap()).isEqualTo(Map.of("1 TenantCreatedEvent", ROUNDS));
        });
    }

    @Test
    void aMemberAddRetriedWithItsIdempotencyKeyAddsOnce() throws Exception {
        ReliabilityReport.record(SCENARIO, "member add retried with one Idempotency-Key", block -> {
            block.load(
                    "%d rounds × (%d at once + 1 after) POST /api/tenants/{id}/members by the OWNER with the same key "
                            + "and body (a fresh user and key per round, one tenant on plan team), %d requests in all",
                    ROUNDS, AT_ONCE, ROUNDS * (AT_ONCE + 1));
            block.faults(
                    "retries: each request duplicated %d times, %d of the copies concurrent with the first "
                            + "(without the key a copy would be 409 already_member)",
                    AT_ONCE, AT_ONCE - 1);
            String owner = uniqueUser("owner");
            String ownerToken = api.token(owner);
            String tenantId = BillingSupport.createTenant(api, ownerToken, uniqueSlug("once-members"), "team");
            Outcomes answers = new Outcomes();
            Set<String> users = new HashSet<>(Set.of(owner));
            try (Concurrently together = new Concurrently(AT_ONCE)) {
                for (int round = 0; round < ROUNDS; round++) {
                    String key = newKey();
                    String user = uniqueUser("member");
                    users.add(user);
                    retried(
                                    together,
                                    () -> api.post("/api/tenants/" + tenantId + "/members")
                                            .bearer(ownerToken)
                                            .header("Idempotency-Key", key)
                                            .json(Map.of("userId", user, "role", "MEMBER"))
                                            .send())
                            .forEach(response -> answers.add(replayLabel(response)));
                }
            }
            Outcomes added = new Outcomes();
            List<String> stored = events.values(tenantId, MemberAddedEvent.class, "userId");
            users.forEach(user -> added.add(java.util.Collections.frequency(stored, user) + " MemberAddedEvent"));
            JsonNode page = awaitRead(
                    "/api/tenants/" + tenantId + "/members?limit=100",
                    ownerToken,
                    members -> members.path("total").asInt() >= users.size());
            List<String> listed = page.path("items").findValuesAsText("userId");
            block.checked("HTTP: %s (expected %d × 201, %d × 201 replayed)", answers, ROUNDS, ROUNDS * AT_ONCE);
            block.checked(
                    "event store, per user: %s (expected %d × 1 MemberAddedEvent, the owner's included)",
                    added, users.size());
            block.checked(
                    "read model: %d members listed (expected %d, the owner and one per round)",
                    listed.size(), users.size());

            assertThat(answers.asMap()).isEqualTo(Map.of("201", ROUNDS, "201 replayed", ROUNDS * AT_ONCE));
            assertThat(added.asMap()).isEqualTo(Map.of("1 MemberAddedEvent", users.size()));
            assertThat(stored).hasSize(users.size());
            assertThat(listed).containsExactlyInAnyOrderElementsOf(users);
        });
    }

    @Test
    void aPlanChangeRetriedWithItsIdempotencyKeyIsRecordedOnce() throws Exception {
        List<String> plans = List.of("team", "business");
        ReliabilityReport.record(SCENARIO, "plan change retried with one Idempotency-Key", block -> {
            block.load(
                    "%d rounds × (%d at once + 1 after) PUT /api/tenants/{id}/subscription/plan by the OWNER with the "
                            + "same key and body, alternating %s (one tenant, from plan free), %d requests in all",
                    ROUNDS, AT_ONCE, String.join("/", plans), ROUNDS * (AT_ONCE + 1));
            block.faults(
                    "retries: each request duplicated %d times, %d of the copies concurrent with the first "
                            + "(without the key a copy would answer changed: false)",
                    AT_ONCE, AT_ONCE - 1);
            String ownerToken = api.token(uniqueUser("owner"));
            String tenantId = BillingSupport.createTenant(api, ownerToken, uniqueSlug("once-plan"), null);
            BillingSupport.awaitSubscription(
                    api,
                    ownerToken,
                    tenantId,
                    body -> "free".equals(body.path("planId").asText()));
            Outcomes answers = new Outcomes();
            Outcomes sameAnswer = new Outcomes();
            List<String> targets = new ArrayList<>();
            try (Concurrently together = new Concurrently(AT_ONCE)) {
                for (int round = 0; round < ROUNDS; round++) {
                    String key = newKey();
                    String plan = plans.get(round % plans.size());
                    targets.add(plan);
                    String reason = "round " + round;
                    List<Api.Response> responses = retried(
                            together,
                            () -> api.call("PUT", "/api/tenants/" + tenantId + "/subscription/plan")
                                    .bearer(ownerToken)
                                    .header("Idempotency-Key", key)
                                    .json(Map.of("planId", plan, "reason", reason))
                                    .send());
                    responses.forEach(response -> answers.add(replayLabel(response)));
                    boolean changedTo = responses.stream()
                            .allMatch(response -> response.status() == 200
                                    && response.json().path("changed").asBoolean()
                                    && plan.equals(
                                            response.json().path("toPlanId").asText()));
                    sameAnswer.add(
                            changedTo
                                            && responses.stream()
                                                            .map(Api.Response::body)
                                                            .distinct()
                                                            .count()
                                                    == 1
                                    ? "one answer, changed: true"
                                    : "answers differ");
                }
            }
            List<String> recorded = events.values(SubscriptionIds.of(tenantId), PlanChangedEvent.class, "toPlanId");
            int adopted = events.count(tenantId, TenantPlanChangedEvent.class);
            block.checked("HTTP: %s (expected %d × 200, %d × 200 replayed)", answers, ROUNDS, ROUNDS * AT_ONCE);
            block.checked("answers per round: %s (expected %d × that)", sameAnswer, ROUNDS);
            block.checked(
                    "event store: %d PlanChangedEvent on the subscription in the order asked (expected %d), "
                            + "%d TenantPlanChangedEvent on the tenant (expected %d)",
                    recorded.size(), ROUNDS, adopted, ROUNDS);

            assertThat(answers.asMap()).isEqualTo(Map.of("200", ROUNDS, "200 replayed", ROUNDS * AT_ONCE));
            assertThat(sameAnswer.asMap()).isEqualTo(Map.of("one answer, changed: true", ROUNDS));
            assertThat(recorded).isEqualTo(targets);
            assertThat(adopted).isEqualTo(ROUNDS);
        });
    }

    @Test
    void aStripeEventDeliveredAgainIsAppliedOnce() throws Exception {
        List<String> statuses = List.of("past_due", "active");
        ReliabilityReport.record(SCENARIO, "Stripe event delivered again", block -> {
            block.load(
                    "%d rounds × (%d at once + 1 after) POST /api/webhooks/stripe of one signed "
                            + "customer.subscription.updated (a fresh event id per round, status alternating "
                            + "%s; one tenant on "
                            + "plan team), %d deliveries in all",
                    ROUNDS, AT_ONCE, String.join("/", statuses), ROUNDS * (AT_ONCE + 1));
            block.faults(
                    "redelivery: each Stripe event delivered %d times, %d of them concurrently", AT_ONCE + 1, AT_ONCE);
            String ownerToken = api.token(uniqueUser("owner"));
            String tenantId = BillingSupport.createTenant(api, ownerToken, uniqueSlug("once-stripe"), "team");
            JsonNode subscription = BillingSupport.awaitStripeBilling(api, ownerToken, tenantId);
            Outcomes answers = new Outcomes();
            List<String> eventIds = new ArrayList<>();
            try (Concurrently together = new Concurrently(AT_ONCE)) {
                for (int round = 0; round < ROUNDS; round++) {
                    String eventId = StripeFake.newEventId();
                    eventIds.add(eventId);
                    String payload = StripeFake.event(
                            eventId,
                            "customer.subscription.updated",
                            StripeFake.subscriptionJson(
                                    subscription.path("stripeSubscriptionId").asText(),
                                    subscription.path("stripeCustomerId").asText(),
                                    statuses.get(round % statuses.size()),
                                    "si_x",
                                    "price_team_monthly"));
                    retried(
                                    together,
                                    () -> api.post("/api/webhooks/stripe")
                                            .json(payload)
                                            .header(
                                                    "Stripe-Signature",
                                                    StripeFake.signature(payload, StripeFake.WEBHOOK_SECRET))
                                            .send())
                            .forEach(response -> answers.add(
                                    response.status() == 200
                                            ? "200 "
                                                    + response.json()
                                                            .path("outcome")
                                                            .asText()
                                            : Outcomes.label(response)));
                }
            }
            Outcomes applied = new Outcomes();
            events.countBy(SubscriptionStatusReconciledEvent.class, "stripeEventId", eventIds)
                    .values()
                    .forEach(count -> applied.add(count + " SubscriptionStatusReconciledEvent"));
            String last = statuses.get((ROUNDS - 1) % statuses.size()).toUpperCase(java.util.Locale.ROOT);
            BillingSupport.awaitSubscription(
                    api,
                    ownerToken,
                    tenantId,
                    body -> last.equals(body.path("status").asText()));
            block.checked(
                    "HTTP: %s (expected %d × 200 applied, %d × 200 duplicate)", answers, ROUNDS, ROUNDS * AT_ONCE);
            block.checked(
                    "event store, per Stripe event: %s (expected %d × 1 SubscriptionStatusReconciledEvent)",
                    applied, ROUNDS);
            block.checked("read model: the subscription ends %s, the last round's status", last);

            assertThat(answers.asMap()).isEqualTo(Map.of("200 applied", ROUNDS, "200 duplicate", ROUNDS * AT_ONCE));
            assertThat(applied.asMap()).isEqualTo(Map.of("1 SubscriptionStatusReconciledEvent", ROUNDS));
        });
    }

    @Test
    void differentStripeEventsForOneCustomerAtOnceAreAllApplied() throws Exception {
        int together = 4;
        ReliabilityReport.record(SCENARIO, "different Stripe events for one customer at once", block -> {
            block.load(
                    "%d rounds × %d different customer.subscription.updated events of one subscription sent at once to "
                            + "POST /api/webhooks/stripe (one tenant on plan team), %d deliveries in all",
                    ROUNDS, together, ROUNDS * together);
            block.faults("concurrency: Stripe delivers events of one subscription in parallel, in no particular order");
            String ownerToken = api.token(uniqueUser("owner"));
            String tenantId = BillingSupport.createTenant(api, ownerToken, uniqueSlug("stripe-par"), "team");
            JsonNode subscription = BillingSupport.awaitStripeBilling(api, ownerToken, tenantId);
            Outcomes answers = new Outcomes();
            List<String> eventIds = new ArrayList<>();
            try (Concurrently pool = new Concurrently(together)) {
                for (int round = 0; round < ROUNDS; round++) {
                    List<Callable<Api.Response>> deliveries = new ArrayList<>();
                    for (int i = 0; i < together; i++) {
                        String eventId = StripeFake.newEventId();
                        eventIds.add(eventId);
                        String payload = StripeFake.event(
                                eventId,
                                "customer.subscription.updated",
                                StripeFake.subscriptionJson(
                                        subscription
                                                .path("stripeSubscriptionId")
                                                .asText(),
                                        subscription.path("stripeCustomerId").asText(),
                                        i % 2 == 0 ? "past_due" : "active",
                                        "si_x",
                                        "price_team_monthly"));
                        deliveries.add(() -> api.post("/api/webhooks/stripe")
                                .json(payload)
                                .header("Stripe-Signature", StripeFake.signature(payload, StripeFake.WEBHOOK_SECRET))
                                .send());
                    }
                    pool.run(deliveries)
                            .forEach(response -> answers.add(
                                    response.status() == 200
                                            ? "200 "
                                                    + response.json()
                                                            .path("outcome")
                                                            .asText()
                                            : Outcomes.label(response)));
                }
            }
            Outcomes applied = new Outcomes();
            events.countBy(SubscriptionStatusReconciledEvent.class, "stripeEventId", eventIds)
                    .values()
                    .forEach(count -> applied.add(count + " SubscriptionStatusReconciledEvent"));
            Integer receipts = jdbc.queryForObject(
                    "select count(*) from stripe_event_receipt where event_id = any(?)", Integer.class, (Object)
                            eventIds.toArray(String[]::new));
            block.checked("HTTP: %s (expected %d × 200 applied, no 409)", answers, ROUNDS * together);
            block.checked(
                    "receipts recorded: %d (expected %d); event store, per Stripe event: %s (at most 1 each: a status "
                            + "the subscription already has records none)",
                    receipts, ROUNDS * together, applied);

            assertThat(answers.asMap()).isEqualTo(Map.of("200 applied", ROUNDS * together));
            assertThat(receipts).isEqualTo(ROUNDS * together);
            assertThat(applied.asMap().keySet())
                    .isSubsetOf("0 SubscriptionStatusReconciledEvent", "1 SubscriptionStatusReconciledEvent");
            assertThat(applied.asMap()).containsKey("1 SubscriptionStatusReconciledEvent");
        });
    }

    @Test
    void aReplayedProvisioningWebhookIsAppliedOnce() throws Exception {
        int replays = 3;
        ReliabilityReport.record(SCENARIO, "provisioning webhook replayed", block -> {
            block.load(
                    "%d tenants awaiting their orchestrator, each answered once by a signed success on "
                            + "POST /api/webhooks/provisioning",
                    ROUNDS);
            block.faults(
                    "per tenant, once the first delivery was answered: the identical request replayed %d times at "
                            + "once, then the same result signed anew and sent once more",
                    replays);
            String ownerToken = api.token(uniqueUser("owner"));
            ProvisioningOrchestrator orchestrator = new ProvisioningOrchestrator(
                    api, environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
            List<ProvisioningAttempts.Attempt> attempts =
                    ProvisioningAttempts.start(api, orchestrator, ownerToken, partnerAdmin(), ROUNDS);
            Outcomes first = new Outcomes();
            Outcomes replayed = new Outcomes();
            Outcomes resigned = new Outcomes();
            try (Concurrently together = new Concurrently(replays)) {
                for (ProvisioningAttempts.Attempt attempt : attempts) {
                    long at = System.currentTimeMillis();
                    first.add(ProvisioningAttempts.label(
                            orchestrator.answer(attempt.success(), attempt.contextId(), at)));
                    together.run(replays, () -> orchestrator.answer(attempt.success(), attempt.contextId(), at))
                            .forEach(answer -> replayed.add(ProvisioningAttempts.label(answer)));
                    resigned.add(ProvisioningAttempts.label(orchestrator.answer(
                            attempt.success(), attempt.contextId(), System.currentTimeMillis() + 1)));
                }
            }
            for (ProvisioningAttempts.Attempt attempt : attempts) {
                awaitRead(
                        "/api/tenants/" + attempt.tenantId(),
                        ownerToken,
                        body -> "ACTIVE".equals(body.path("status").asText()));
            }
            Outcomes settled = ProvisioningAttempts.settled(events, attempts);
            block.checked("HTTP first deliveries: %s (expected %d × 200 applied)", first, ROUNDS);
            block.checked(
                    "HTTP identical replays: %s (expected %d × 401 replayed_signature)", replayed, ROUNDS * replays);
            block.checked("HTTP re-signed copies: %s (expected %d × 200 not applied)", resigned, ROUNDS);
            block.checked("read model: all %d tenants ACTIVE", ROUNDS);
            block.checked("event store, per tenant: %s (expected %d × 1 and 1)", settled, ROUNDS);

            assertThat(first.asMap()).isEqualTo(Map.of("200 applied", ROUNDS));
            assertThat(replayed.asMap()).isEqualTo(Map.of("401 replayed_signature", ROUNDS * replays));
            assertThat(resigned.asMap()).isEqualTo(Map.of("200 not applied", ROUNDS));
            assertThat(settled.asMap())
                    .isEqualTo(Map.of("TenantResourcesReadyEvent 1, TenantProvisionedEvent 1", ROUNDS));
        });
    }

    /** The request {@link #AT_ONCE} times at once, then once more after they all answered; all answers in order. */
    private static List<Api.Response> retried(Concurrently together, Callable<Api.Response> request) throws Exception {
        List<Api.Response> responses = new ArrayList<>(together.run(AT_ONCE, request));
        responses.add(request.call());
        return responses;
    }

    /** The status, with " replayed" when the answer says {@code Idempotent-Replayed: true}. */
    private static String replayLabel(Api.Response response) {
        String label = Outcomes.label(response);
        return response.header("Idempotent-Replayed").filter("true"::equals).isPresent() ? label + " replayed" : label;
    }

    private static boolean oneAnswer(List<Api.Response> responses, String field) {
        return responses.stream()
                        .map(response -> response.json().path(field).asText())
                        .distinct()
                        .count()
                == 1;
    }

    private static String newKey() {
        return "key-" + UUID.randomUUID();
    }
}
