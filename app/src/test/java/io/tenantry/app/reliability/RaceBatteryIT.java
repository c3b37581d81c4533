package io.tenantry.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.billing.BillingSupport;
import io.tenantry.app.invitation.InvitationSupport;
import io.tenantry.app.lead.LeadSupport;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.Concurrently;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.ProvisioningOrchestrator;
import io.tenantry.contracts.invitation.InvitationAcceptedEvent;
import io.tenantry.contracts.invitation.InvitationRevokedEvent;
import io.tenantry.contracts.lead.LeadConvertedEvent;
import io.tenantry.contracts.tenant.MemberAddedEvent;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reliability scenario 4 of the battery, races: contenders on one slug, one tenant, one invitation, one provisioning
 * result and one lead, released together by a barrier, each race run {@value #ROUNDS} times with fresh ids. The
 * outcome is checked over HTTP, in the event store and in the read models, with exact counts, and reported in
 * {@code target/reliability/races.txt}.
 */
class RaceBatteryIT extends IntegrationTest {

    private static final String SCENARIO = "races";
    private static final int ROUNDS = 20;

    @Autowired
    private JdbcTemplate jdbc;

    private StoredEvents events;

    @BeforeEach
    void eventStore() {
        events = new StoredEvents(jdbc);
    }

    @Test
    void ofAHundredConcurrentCreatesOfOneSlugExactlyOneWins() throws Exception {
        int creators = 100;
        ReliabilityReport.record(SCENARIO, "slug", block -> {
            block.load(
                    "%d rounds × %d concurrent POST /api/tenants with one slug (a fresh slug per round, %d distinct "
                            + "callers), %d requests in all",
                    ROUNDS, creators, creators, ROUNDS * creators);
            block.faults(
                    "none injected: the contention is the fault (all %d released together by a barrier)", creators);
            List<String> tokens = IntStream.range(0, creators)
                    .mapToObj(i -> api.token(uniqueUser("racer")))
                    .toList();
            Outcomes answers = new Outcomes();
            Map<String, String> winners = new LinkedHashMap<>();
            List<String> slugs = new ArrayList<>();
            try (Concurrently together = new Concurrently(creators)) {
                for (int round = 0; round < ROUNDS; round++) {
                    String slug = uniqueSlug("race");
                    slugs.add(slug);
                    List<Callable<Api.Response>> creates = new ArrayList<>();
                    for (int i = 0; i < creators; i++) {
                        String token = tokens.get(i);
                        String name = "Racer " + i;
                        creates.add(() -> api.post("/api/tenants")
                                .bearer(token)
                                .json(Map.of("name", name, "slug", slug, "tier", "POOLED"))
                                .send());
                    }
                    for (Api.Response answer : together.run(creates)) {
                        answers.add(answer);
                        if (answer.status() == 201) {
                            winners.merge(slug, answer.json().path("id").asText(), (one, other) -> one + "," + other);
                        }
                    }
                }
            }
            Outcomes created = new Outcomes();
            events.countBy(TenantCreatedEvent.class, "slug", slugs)
                    .values()
                    .forEach(count -> created.add(count + " TenantCreatedEvent"));
            Outcomes held = new Outcomes();
            for (String slug : slugs) {
                List<String> holders =
                        jdbc.queryForList("select tenant_id from tenant_slug where slug = ?", String.class, slug);
                held.add(
                        holders.size() == 1 && holders.get(0).equals(winners.get(slug))
                                ? "held by its winner"
                                : "held by " + holders);
            }
            block.checked(
                    "HTTP: %s (expected %d × 201, %d × 409 slug_taken, nothing else)",
                    answers, ROUNDS, ROUNDS * (creators - 1));
            block.checked(
                    "one winner per round: %d of %d rounds",
                    winners.values().stream().filter(id -> !id.contains(",")).count(), ROUNDS);
            block.checked("event store, per slug: %s (expected %d × 1 TenantCreatedEvent)", created, ROUNDS);
            block.checked(
                    "slug lookup table (tenant_slug), per slug: %s (expected %d × held by its winner)", held, ROUNDS);

            assertThat(answers.asMap()).isEqualTo(Map.of("201", ROUNDS, "409 slug_taken", ROUNDS * (creators - 1)));
            assertThat(winners)
                    .hasSize(ROUNDS)
                    .allSatisfy((slug, id) -> assertThat(id).doesNotContain(","));
            assertThat(created.asMap()).isEqualTo(Map.of("1 TenantCreatedEvent", ROUNDS));
            assertThat(held.asMap()).isEqualTo(Map.of("held by its winner", ROUNDS));
        });
    }

    @Test
    void concurrentMemberAddsToOneTenantAreEachAppliedOrRefusedAndNoneIsLost() throws Exception {
        int adders = 30;
        int seats = 24; // plan team: 25 members, the owner holds one
        ReliabilityReport.record(SCENARIO, "member adds", block -> {
            block.load(
                    "%d rounds × %d concurrent POST /api/tenants/{id}/members (distinct users, by the OWNER) to "
                            + "a fresh "
                            + "tenant on plan team (25 members: the owner + %d seats), %d requests in all",
                    ROUNDS, adders, seats, ROUNDS * adders);
            block.faults(
                    "none injected: %d writers on one aggregate at once, %d more than it has seats, so the plan "
                            + "limit is reached mid-race",
                    adders, adders - seats);
            Outcomes answers = new Outcomes();
            Outcomes readModel = new Outcomes();
            Outcomes eventStore = new Outcomes();
            try (Concurrently together = new Concurrently(adders)) {
                for (int round = 0; round < ROUNDS; round++) {
                    String owner = uniqueUser("owner");
                    String ownerToken = api.token(owner);
                    String tenantId = BillingSupport.createTenant(api, ownerToken, uniqueSlug("crowd"), "team");
                    List<String> users = IntStream.range(0, adders)
                            .mapToObj(i -> uniqueUser("joiner"))
                            .toList();
                    List<Api.Response> responses = together.run(users.stream()
                            .<Callable<Api.Response>>map(user -> () -> api.post("/api/tenants/" + tenantId + "/members")
                                    .bearer(ownerToken)
                                    .json(Map.of("userId", user, "role", "MEMBER"))
                                    .send())
                            .toList());
                    answers.addAll(responses);
                    Set<String> expected = new HashSet<>(Set.of(owner));
                    for (int i = 0; i < adders; i++) {
                        if (responses.get(i).status() == 201) {
                            expected.add(users.get(i));
                        }
                    }
                    JsonNode page = awaitRead(
                            "/api/tenants/" + tenantId + "/members?limit=100",
                            ownerToken,
                            members -> members.path("total").asInt() >= expected.size());
                    List<String> listed = page.path("items").findValuesAsText("userId");
                    readModel.add(
                            listed.size() == expected.size() && expected.equals(Set.copyOf(listed))
                                    ? "members listed = owner + the 201s"
                                    : "members listed differ: " + listed.size() + " listed, " + expected.size()
                                            + " expected");
                    List<String> stored = events.values(tenantId, MemberAddedEvent.class, "userId");
                    eventStore.add(
                            stored.size() == expected.size() && expected.equals(Set.copyOf(stored))
                                    ? "MemberAddedEvent = owner + the 201s"
                                    : "MemberAddedEvent differ: " + stored.size() + " stored, " + expected.size()
                                            + " expected");
                }
            }
            block.checked(
                    "HTTP: %s (expected %d × 201, %d × 409 plan_limit_reached, nothing else)",
                    answers, ROUNDS * seats, ROUNDS * (adders - seats));
            block.checked("read model, per round: %s (expected %d × that)", readModel, ROUNDS);
            block.checked(
                    "event store, per round: %s (expected %d × that, no duplicate, none lost)", eventStore, ROUNDS);

            assertThat(answers.asMap())
                    .isEqualTo(Map.of("201", ROUNDS * seats, "409 plan_limit_reached", ROUNDS * (adders - seats)));
            assertThat(readModel.asMap()).isEqualTo(Map.of("members listed = owner + the 201s", ROUNDS));
            assertThat(eventStore.asMap()).isEqualTo(Map.of("MemberAddedEvent = owner + the 201s", ROUNDS));
        });
    }

    @Test
    void anAcceptanceRacingARevokeEndsExactlyOneWay() throws Exception {
        ReliabilityReport.record(SCENARIO, "invitation accept vs revoke", block -> {
            block.load(
                    "%d rounds × 1 POST /api/invitations/{id}/accept racing 1 DELETE "
                            + "/api/tenants/{id}/invitations/{id} "
                            + "(a fresh invitation per round, its token read from the mail; one tenant on plan team)",
                    ROUNDS);
            block.faults("none injected: the two ways of closing one invitation, released together");
            String ownerToken = api.token(uniqueUser("owner"));
            String tenantId = BillingSupport.createTenant(api, ownerToken, uniqueSlug("invite-race"), "team");
            Outcomes winners = new Outcomes();
            Outcomes accepts = new Outcomes();
            Outcomes revokes = new Outcomes();
            Outcomes eventStore = new Outcomes();
            Outcomes readModel = new Outcomes();
            try (Concurrently together = new Concurrently(2)) {
                for (int round = 0; round < ROUNDS; round++) {
                    InvitationSupport.Sent sent = InvitationSupport.inviteAndReadMail(
                            api, ownerToken, tenantId, InvitationSupport.uniqueEmail("racer"), "MEMBER");
                    awaitRead(
                            openInvitations(tenantId),
                            ownerToken,
                            page -> page.path("items").findValuesAsText("id").contains(sent.invitationId()));
                    String user = uniqueUser("racer");
                    String userToken = api.token(user);
                    List<Api.Response> results = together.run(List.of(
                            () -> InvitationSupport.accept(api, userToken, sent.invitationId(), sent.token()),
                            () -> api.call("DELETE", "/api/tenants/" + tenantId + "/invitations/" + sent.invitationId())
                                    .bearer(ownerToken)
                                    .send()));
                    Api.Response accept = results.get(0);
                    Api.Response revoke = results.get(1);
                    accepts.add(accept);
                    revokes.add(revoke);
                    boolean accepted = accept.status() == 200;
                    boolean revoked = revoke.status() == 204;
                    winners.add(
                            accepted && revoked
                                    ? "both won"
                                    : accepted ? "accept won" : revoked ? "revoke won" : "neither won");
                    String winner = accepted ? "ACCEPTED" : "REVOKED";

                    List<String> closings = InvitationSupport.closings(jdbc, tenantId, sent.invitationId());
                    int acceptedEvents = events.count(sent.invitationId(), InvitationAcceptedEvent.class);
                    int revokedEvents = events.count(sent.invitationId(), InvitationRevokedEvent.class);
                    int added = InvitationSupport.membersAdded(jdbc, tenantId, user);
                    boolean storeAgrees = closings.equals(List.of(winner))
                            && acceptedEvents == (accepted ? 1 : 0)
                            && revokedEvents == (accepted ? 0 : 1)
                            && added == (accepted ? 1 : 0);
                    eventStore.add(
                            storeAgrees
                                    ? "one closing, the winner's"
                                    : "closings " + closings + ", accepted " + acceptedEvents + ", revoked "
                                            + revokedEvents + ", member added " + added);

                    awaitGone(tenantId, sent.invitationId(), ownerToken);
                    if (accepted) {
                        JsonNode member =
                                awaitRead("/api/tenants/" + tenantId + "/members/" + user, ownerToken, body -> true);
                        readModel.add(
                                "MEMBER".equals(member.path("role").asText())
                                        ? "invitation gone, user a MEMBER"
                                        : "invitation gone, user a "
                                                + member.path("role").asText());
                    } else {
                        int member = api.get("/api/tenants/" + tenantId + "/members/" + user)
                                .bearer(ownerToken)
                                .send()
                                .status();
                        readModel.add(
                                member == 404
                                        ? "invitation gone, user no member"
                                        : "invitation gone, member answers " + member);
                    }
                }
            }
            block.checked("winners: %s (expected exactly one winner in each of %d rounds)", winners, ROUNDS);
            block.checked(
                    "accept answers: %s; revoke answers: %s (the winner 200 or 204, the loser 404 or 409)",
                    accepts, revokes);
            block.checked(
                    "event store, per round: %s (expected %d × that: one InvitationClosedEvent, one of "
                            + "InvitationAccepted/RevokedEvent, a MemberAddedEvent only if accepted)",
                    eventStore, ROUNDS);
            block.checked("read model, per round: %s (expected to agree with the winner in all %d)", readModel, ROUNDS);

            assertThat(winners.count("accept won") + winners.count("revoke won"))
                    .as("rounds with one winner")
                    .isEqualTo(ROUNDS);
            assertThat(accepts.total() + revokes.total()).isEqualTo(2 * ROUNDS);
            assertThat(accepts.count("200")).isEqualTo(winners.count("accept won"));
            assertThat(revokes.count("204")).isEqualTo(winners.count("revoke won"));
            assertThat(losers(accepts, "200")).as("accept's refusals").allMatch(RaceBatteryIT::notFoundOrConflict);
            assertThat(losers(revokes, "204")).as("revoke's refusals").allMatch(RaceBatteryIT::notFoundOrConflict);
            assertThat(eventStore.asMap()).isEqualTo(Map.of("one closing, the winner's", ROUNDS));
            assertThat(readModel.count("invitation gone, user a MEMBER")).isEqualTo(winners.count("accept won"));
            assertThat(readModel.count("invitation gone, user no member")).isEqualTo(winners.count("revoke won"));
        });
    }

    @Test
    void aProvisioningResultDeliveredTwiceAtOnceIsAppliedOnce() throws Exception {
        int apart = 250;
        ReliabilityReport.record(SCENARIO, "provisioning webhook delivered twice", block -> {
            block.load(
                    "%d rounds × 2 races of 2 POST /api/webhooks/provisioning on a tenant awaiting its orchestrator "
                            + "(%d tenants, created and provisioned first): (a) one signed success sent twice "
                            + "at once, (b) the "
                            + "success signed at two times %d ms apart, both sent at once",
                    ROUNDS, 2 * ROUNDS, apart);
            block.faults("duplicate delivery: (a) byte-identical requests, which only the replay guard tells apart; "
                    + "(b) two validly signed copies of one result, which only the tenant's state tells apart");
            String ownerToken = api.token(uniqueUser("owner"));
            String admin = partnerAdmin();
            ProvisioningOrchestrator orchestrator = new ProvisioningOrchestrator(
                    api, environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
            List<ProvisioningAttempts.Attempt> attempts =
                    ProvisioningAttempts.start(api, orchestrator, ownerToken, admin, 2 * ROUNDS);
            Outcomes identical = new Outcomes();
            Outcomes resigned = new Outcomes();
            try (Concurrently together = new Concurrently(2)) {
                for (int round = 0; round < ROUNDS; round++) {
                    ProvisioningAttempts.Attempt same = attempts.get(2 * round);
                    long at = System.currentTimeMillis();
                    together.run(2, () -> orchestrator.answer(same.success(), same.contextId(), at))
                            .forEach(answer -> identical.add(ProvisioningAttempts.label(answer)));

                    ProvisioningAttempts.Attempt twice = attempts.get(2 * round + 1);
                    long first = System.currentTimeMillis();
                    together.run(List.<Callable<Api.Response>>of(
                                    () -> orchestrator.answer(twice.success(), twice.contextId(), first),
                                    () -> orchestrator.answer(twice.success(), twice.contextId(), first - apart)))
                            .forEach(answer -> resigned.add(ProvisioningAttempts.label(answer)));
                }
            }
            for (ProvisioningAttempts.Attempt attempt : attempts) {
                awaitRead(
                        "/api/tenants/" + attempt.tenantId(),
                        ownerToken,
                        body -> "ACTIVE".equals(body.path("status").asText()));
            }
            Outcomes settled = ProvisioningAttempts.settled(events, attempts);
            block.checked(
                    "HTTP (a) identical: %s (expected %d × 200 applied, %d × 401 replayed_signature)",
                    identical, ROUNDS, ROUNDS);
            block.checked(
                    "HTTP (b) re-signed: %s (expected %d × 200 applied, %d × 200 not applied)",
                    resigned, ROUNDS, ROUNDS);
            block.checked("read model: all %d tenants ACTIVE", attempts.size());
            block.checked("event store, per tenant: %s (expected %d × 1 and 1)", settled, attempts.size());

            assertThat(identical.asMap()).isEqualTo(Map.of("200 applied", ROUNDS, "401 replayed_signature", ROUNDS));
            assertThat(resigned.asMap()).isEqualTo(Map.of("200 applied", ROUNDS, "200 not applied", ROUNDS));
            assertThat(settled.asMap())
                    .isEqualTo(Map.of("TenantResourcesReadyEvent 1, TenantProvisionedEvent 1", attempts.size()));
        });
    }

    @Test
    void twoConcurrentConvertsOfOneLeadMakeOneTenant() throws Exception {
        ReliabilityReport.record(SCENARIO, "lead converted twice", block -> {
            block.load(
                    "%d rounds × 2 concurrent POST /api/leads/{id}/tenants with the lead's token and two different "
                            + "slugs (a fresh lead per round, registered and verified through its mail)",
                    ROUNDS);
            block.faults("none injected: one lead's two conversions, released together");
            String admin = partnerAdmin();
            Outcomes answers = new Outcomes();
            Outcomes eventStore = new Outcomes();
            Outcomes readModel = new Outcomes();
            Map<String, String> winners = new LinkedHashMap<>();
            List<String> loserSlugs = new ArrayList<>();
            try (Concurrently together = new Concurrently(2)) {
                for (int round = 0; round < ROUNDS; round++) {
                    Api client = newClient(); // lead registration is rate-limited per address
                    LeadSupport.Registered lead = LeadSupport.register(client, LeadSupport.uniqueEmail());
                    String token = LeadSupport.verify(client, lead);
                    List<String> slugs = List.of(uniqueSlug("lead-race"), uniqueSlug("lead-race"));
                    List<Api.Response> results = together.run(slugs.stream()
                            .<Callable<Api.Response>>map(
                                    slug -> () -> client.post("/api/leads/" + lead.leadId() + "/tenants")
                                            .bearer(token)
                                            .json(Map.of("name", "Racer Co", "slug", slug, "tier", "POOLED"))
                                            .send())
                            .toList());
                    answers.addAll(results);
                    String tenantId = null;
                    for (int i = 0; i < 2; i++) {
                        if (results.get(i).status() == 201) {
                            tenantId = results.get(i).json().path("id").asText();
                            winners.put(lead.leadId(), tenantId);
                        } else {
                            loserSlugs.add(slugs.get(i));
                        }
                    }
                    List<String> converted = events.values(lead.leadId(), LeadConvertedEvent.class, "tenantId");
                    eventStore.add(
                            tenantId != null && converted.equals(List.of(tenantId))
                                    ? "one LeadConvertedEvent, to the winner's tenant"
                                    : "LeadConvertedEvent to " + converted);
                    String winner = tenantId;
                    JsonNode view = awaitRead(
                            "/api/leads/" + lead.leadId(),
                            admin,
                            body -> "CONVERTED".equals(body.path("status").asText()));
                    readModel.add(
                            view.path("tenantId").asText().equals(winner)
                                    ? "lead CONVERTED to the winner's tenant"
                                    : "lead CONVERTED to "
                                            + view.path("tenantId").asText());
                }
            }
            Outcomes created = new Outcomes();
            events.countBy(TenantCreatedEvent.class, "leadId", winners.keySet())
                    .values()
                    .forEach(count -> created.add(count + " TenantCreatedEvent"));
            Integer loserSlugsHeld =
                    jdbc.queryForObject("select count(*) from tenant_slug where slug = any(?)", Integer.class, (Object)
                            loserSlugs.toArray(String[]::new));
            block.checked("HTTP: %s (expected %d × 201, %d × 409 lead_already_converted)", answers, ROUNDS, ROUNDS);
            block.checked("event store, per lead: %s and %s (expected %d × 1 of each)", eventStore, created, ROUNDS);
            block.checked("slugs of the refused converts taken: %d (expected 0)", loserSlugsHeld);
            block.checked("read model, per lead: %s (expected %d × that)", readModel, ROUNDS);

            assertThat(answers.asMap()).isEqualTo(Map.of("201", ROUNDS, "409 lead_already_converted", ROUNDS));
            assertThat(eventStore.asMap()).isEqualTo(Map.of("one LeadConvertedEvent, to the winner's tenant", ROUNDS));
            assertThat(created.asMap()).isEqualTo(Map.of("1 TenantCreatedEvent", ROUNDS));
            assertThat(loserSlugsHeld).isZero();
            assertThat(readModel.asMap()).isEqualTo(Map.of("lead CONVERTED to the winner's tenant", ROUNDS));
        });
    }

    /** The labels of the answers other than the winning one, each as often as it came. */
    private static List<String> losers(Outcomes answers, String winning) {
        List<String> labels = new ArrayList<>();
        answers.asMap().forEach((label, count) -> {
            if (!label.equals(winning)) {
                labels.addAll(java.util.Collections.nCopies(count, label));
            }
        });
        return labels;
    }

    private static boolean notFoundOrConflict(String label) {
        return label.startsWith("404 ") || label.startsWith("409 ");
    }

    /** Waits until the tenant's list of open invitations no longer shows this one. */
    private void awaitGone(String tenantId, String invitationId, String token) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    Api.Response open =
                            api.get(openInvitations(tenantId)).bearer(token).send();
                    return open.status() == 200
                            && !open.json().path("items").findValuesAsText("id").contains(invitationId);
                });
    }

    private static String openInvitations(String tenantId) {
        return "/api/tenants/" + tenantId + "/invitations?limit=100";
    }
}
