package io.tenantry.app.domains;

import static io.tenantry.app.domains.DomainSupport.createTenant;
import static io.tenantry.app.domains.DomainSupport.history;
import static io.tenantry.app.domains.DomainSupport.joinPolicy;
import static io.tenantry.app.domains.DomainSupport.uniqueDomain;
import static io.tenantry.app.domains.DomainSupport.verifiedDomain;
import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.lifecycle.LifecycleFeedReader;
import io.tenantry.app.lifecycle.LifecycleTopicReader;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.ChallengeServers;
import io.tenantry.app.test.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Joining a tenant by the verified e-mail address of one's token at a verified domain of the tenant, over HTTP: OFF
 * refuses, SUGGEST makes a request an OWNER or ADMIN approves or denies, AUTO makes a member at once with the default
 * role; the joinable tenants a user sees; the plan's member limit; and the new events in the tenant's history and on
 * the lifecycle topic. Domains are verified through the test DNS server ({@link ChallengeServers}).
 */
class DomainJoinIT extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    private String owner;
    private String ownerToken;

    @BeforeEach
    void owner() {
        ChallengeServers.requireDns();
        owner = uniqueUser("owner");
        ownerToken = api.token(owner);
    }

    @Test
    void whoMayNotJoinIsToldWhy() {
        String tenantId = createTenant(api, ownerToken, null);
        String domain = verifiedDomain(api, ownerToken, tenantId, "off");
        String dana = api.tokenWithEmail(uniqueUser("dana"), "dana@" + domain);

        // the policy is OFF until an OWNER or ADMIN says otherwise
        assertProblem(join(dana, tenantId), 403, "join_not_allowed");
        assertThat(joinable(dana).path("items")).isEmpty();
        assertThat(joinable(dana).path("domain").asText()).isEqualTo(domain);
        // no verified address at all
        String plain = api.token(uniqueUser("plain"));
        assertProblem(join(plain, tenantId), 403, "email_not_verified");
        assertThat(joinable(plain).path("items")).isEmpty();
        // an address at another domain: as for a stranger, the tenant is not found
        String eve = api.tokenWithEmail(uniqueUser("eve"), "eve@" + uniqueDomain("elsewhere"));
        assertProblem(join(eve, tenantId), 404, "tenant_not_found");
        // without one, whatever the tenant, even one that does not exist
        assertProblem(
                join(api.token(uniqueUser("unverified")), "00000000-0000-0000-0000-000000000000"),
                403,
                "email_not_verified");
    }

    @Test
    void suggestMakesARequestThatAnAdminApprovesOrDenies() {
        long start = head();
        String tenantId = createTenant(api, ownerToken, null);
        String admin = addMember(tenantId, "admin", "ADMIN");
        String member = addMember(tenantId, "member", "MEMBER");
        String domain = verifiedDomain(api, ownerToken, tenantId, "suggest");
        assertThat(joinPolicy(api, ownerToken, tenantId, domain, "SUGGEST", null)
                        .json()
                        .path("joinPolicy")
                        .asText())
                .isEqualTo("SUGGEST");
        String danaId = uniqueUser("dana");
        String dana = api.tokenWithEmail(danaId, "Dana@" + domain.toUpperCase());

        JsonNode offered = awaitRead(
                        "/api/me/joinable-tenants",
                        dana,
                        list -> list.path("items").size() == 1)
                .path("items")
                .get(0);
        assertThat(offered.path("tenantId").asText()).isEqualTo(tenantId);
        assertThat(offered.path("joinPolicy").asText()).isEqualTo("SUGGEST");
        assertThat(offered.path("role").asText()).isEqualTo("MEMBER");
        assertThat(offered.path("pendingRequestId").isNull()).isTrue();

        Api.Response requested = join(dana, tenantId);
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        assertThat(requested.json().path("status").asText()).isEqualTo("REQUESTED");
        String requestId = requested.json().path("requestId").asText();
        assertThat(join(dana, tenantId).json().path("requestId").asText())
                .as("asked again: the same request")
                .isEqualTo(requestId);
        awaitRead(
                "/api/me/joinable-tenants",
                dana,
                list -> list.path("items")
                        .get(0)
                        .path("pendingRequestId")
                        .asText()
                        .equals(requestId));

        JsonNode waiting = awaitRead(
                        "/api/tenants/" + tenantId + "/join-requests",
                        admin,
                        page -> page.path("total").asInt() == 1)
                .path("items")
                .get(0);
        assertThat(waiting.path("requestId").asText()).isEqualTo(requestId);
        assertThat(waiting.path("userId").asText()).isEqualTo(danaId);
        assertThat(waiting.path("email").asText()).isEqualTo("Dana@" + domain.toUpperCase());
        assertThat(waiting.path("domain").asText()).isEqualTo(domain);
        assertProblem(
                api.get("/api/tenants/" + tenantId + "/join-requests")
                        .bearer(member)
                        .send(),
                403,
                "insufficient_role");
        assertProblem(decide(member, tenantId, requestId, "approve"), 403, "insufficient_role");

        Api.Response approved = decide(admin, tenantId, requestId, "approve");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("status").asText()).isEqualTo("JOINED");
        assertThat(awaitRead("/api/tenants/" + tenantId + "/members/" + danaId, dana, body -> true)
                        .path("role")
                        .asText())
                .isEqualTo("MEMBER");
        awaitRead("/api/me/joinable-tenants", dana, list -> list.path("items").isEmpty());
        assertProblem(join(dana, tenantId), 409, "already_member");

        String erin = api.tokenWithEmail(uniqueUser("erin"), "erin@" + domain);
        String denied = join(erin, tenantId).json().path("requestId").asText();
        Api.Response deny = decide(ownerToken, tenantId, denied, "deny");
        assertThat(deny.status()).as(deny.toString()).isEqualTo(200);
        assertThat(deny.json().path("status").asText()).isEqualTo("DENIED");
        assertProblem(decide(ownerToken, tenantId, denied, "approve"), 404, "join_request_not_found");
        awaitRead(
                "/api/tenants/" + tenantId + "/join-requests",
                ownerToken,
                page -> page.path("total").asInt() == 0);

        // the tenant's history has it all; the lifecycle topic the new types, without the addresses
        assertThat(history(api, partnerAdmin(), tenantId))
                .containsSubsequence(
                        "TenantDomainAddedEvent",
                        "TenantDomainVerifiedEvent",
                        "TenantDomainJoinPolicySetEvent",
                        "TenantJoinRequestedEvent",
                        "TenantJoinRequestDecidedEvent",
                        "MemberAddedEvent",
                        "TenantJoinRequestedEvent",
                        "TenantJoinRequestDecidedEvent");
        List<JsonNode> published = awaitFeed(start, tenantId, "join-request-decided", 2);
        assertThat(published.stream().map(DomainJoinIT::type))
                .containsSubsequence(
                        "domain-added",
                        "domain-verified",
                        "domain-join-policy-changed",
                        "join-requested",
                        "join-request-decided",
                        "member-added",
                        "join-requested",
                        "join-request-decided");
        try (LifecycleTopicReader topic = new LifecycleTopicReader(
                environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                environment.getRequiredProperty("tenantry.lifecycle.topic"))) {
            topic.awaitIds(
                    published.stream().map(event -> event.path("id").asText()).toList(), Duration.ofSeconds(60));
            assertThat(topic.eventsOf(tenantId).stream().map(DomainJoinIT::type))
                    .contains("domain-added", "domain-verified", "join-requested", "join-request-decided");
            assertThat(topic.eventsOf(tenantId).toString()).doesNotContainIgnoringCase("dana@");
        }
    }

    @Test
    void autoMakesAMemberAtOnceWithTheDefaultRole() {
        String tenantId = createTenant(api, ownerToken, null);
        String domain = verifiedDomain(api, ownerToken, tenantId, "auto");
        assertThat(joinPolicy(api, ownerToken, tenantId, domain, "AUTO", "OWNER")
                        .status())
                .isEqualTo(400);
        assertThat(joinPolicy(api, ownerToken, tenantId, domain, "AUTO", "ADMIN")
                        .status())
                .isEqualTo(200);
        String frankId = uniqueUser("frank");
        String frank = api.tokenWithEmail(frankId, "frank@" + domain);
        awaitRead(
                "/api/me/joinable-tenants",
                frank,
                list -> list.path("items").size() == 1
                        && list.path("items").get(0).path("role").asText().equals("ADMIN"));

        Api.Response joined = join(frank, tenantId);
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        assertThat(joined.json().path("status").asText()).isEqualTo("JOINED");
        assertThat(joined.json().path("role").asText()).isEqualTo("ADMIN");
        assertThat(joined.header("Location"))
                .hasValueSatisfying(
                        location -> assertThat(location).endsWith("/api/tenants/" + tenantId + "/members/" + frankId));
        assertThat(awaitRead("/api/tenants/" + tenantId + "/members/" + frankId, frank, body -> true)
                        .path("role")
                        .asText())
                .isEqualTo("ADMIN");
        assertProblem(join(frank, tenantId), 409, "already_member");
        awaitRead("/api/me/joinable-tenants", frank, list -> list.path("items").isEmpty());
        assertThat(history(api, partnerAdmin(), tenantId))
                .containsSubsequence("TenantDomainJoinPolicySetEvent", "MemberJoinedByDomainEvent", "MemberAddedEvent");
    }

    @Test
    void aJoinAndAnApprovalAreHeldToThePlansMemberLimit() {
        // the free plan allows 5 members: the owner and 3 more, then a request, then the fifth
        String tenantId = createTenant(api, ownerToken, "free");
        for (int i = 0; i < 3; i++) {
            addMember(tenantId, "filler", "MEMBER");
        }
        String domain = verifiedDomain(api, ownerToken, tenantId, "full");
        joinPolicy(api, ownerToken, tenantId, domain, "SUGGEST", null);
        String request = join(api.tokenWithEmail(uniqueUser("greta"), "greta@" + domain), tenantId)
                .json()
                .path("requestId")
                .asText();
        addMember(tenantId, "fifth", "MEMBER");

        assertProblem(decide(ownerToken, tenantId, request, "approve"), 409, "plan_limit_reached");
        joinPolicy(api, ownerToken, tenantId, domain, "AUTO", null);
        assertProblem(
                join(api.tokenWithEmail(uniqueUser("hank"), "hank@" + domain), tenantId), 409, "plan_limit_reached");
    }

    @Test
    void aRequestersAddressIsEncryptedInTheStoreAndErasedOnRequest() {
        String tenantId = createTenant(api, ownerToken, null);
        String domain = verifiedDomain(api, ownerToken, tenantId, "erase");
        joinPolicy(api, ownerToken, tenantId, domain, "SUGGEST", null);
        String localPart = "ivy.mail." + java.util.UUID.randomUUID().toString().substring(0, 8);
        String email = localPart + "@" + domain;
        String requestId = join(api.tokenWithEmail(uniqueUser("ivy"), email), tenantId)
                .json()
                .path("requestId")
                .asText();
        String raw = jdbc.queryForObject(
                """
                select convert_from(payload, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? and payload_type = ?""", String.class, tenantId, "io.tenantry.contracts.domains.TenantJoinRequestedEvent");
        assertThat(raw).contains(requestId).doesNotContain(email).doesNotContain(localPart);
        awaitRead(
                "/api/tenants/" + tenantId + "/join-requests",
                ownerToken,
                page -> page.path("items").path(0).path("email").asText().equals(email));

        String admin = partnerAdmin();
        assertThat(api.call("DELETE", "/api/privacy/subjects?email=" + email)
                        .bearer(admin)
                        .send()
                        .status())
                .isEqualTo(204);
        awaitRead(
                "/api/tenants/" + tenantId + "/join-requests",
                ownerToken,
                page -> page.path("items").path(0).path("email").asText().equals("[erased]"));
        // the request itself stands: it can still be decided
        assertThat(decide(ownerToken, tenantId, requestId, "deny").status()).isEqualTo(200);
    }

    private Api.Response join(String token, String tenantId) {
        return api.post("/api/tenants/" + tenantId + "/join").bearer(token).send();
    }

    private Api.Response decide(String token, String tenantId, String requestId, String decision) {
        return api.post("/api/tenants/" + tenantId + "/join-requests/" + requestId + "/" + decision)
                .bearer(token)
                .send();
    }

    private JsonNode joinable(String token) {
        Api.Response response =
                api.get("/api/me/joinable-tenants").bearer(token).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** Adds a member with the role; answers a token for it. */
    private String addMember(String tenantId, String prefix, String role) {
        String userId = uniqueUser(prefix);
        Api.Response added = api.post("/api/tenants/" + tenantId + "/members")
                .bearer(ownerToken)
                .json(Map.of("userId", userId, "role", role))
                .send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return api.token(userId);
    }

    private long head() {
        Long head = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    /** The tenant's lifecycle events in the feed after {@code start}, once {@code count} of {@code type} are there. */
    private List<JsonNode> awaitFeed(long start, String tenantId, String type, int count) {
        String admin = partnerAdmin();
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> LifecycleFeedReader.read(api, admin, start).stream()
                                .filter(event ->
                                        tenantId.equals(event.path("subject").asText()))
                                .toList(),
                        events -> events.stream()
                                        .filter(event -> type(event).equals(type))
                                        .count()
                                >= count);
    }

    private static String type(JsonNode event) {
        return event.path("type").asText().replace("io.tenantry.tenant.", "").replace(".v1", "");
    }
}
