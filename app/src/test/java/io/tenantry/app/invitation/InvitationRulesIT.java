package io.tenantry.app.invitation;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may invite, revoke and read; one pending invitation per address; no invitation for a member's address; held
 * seats within the plan (the default plan allows 5 members); bad input; and refusals that leave nothing behind.
 */
class InvitationRulesIT extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    private String tenantId;
    private String ownerToken;
    private String adminToken;
    private String memberToken;

    @BeforeEach
    void tenantWithRoles() {
        String owner = uniqueUser("owner");
        String admin = uniqueUser("admin");
        String member = uniqueUser("member");
        ownerToken = api.token(owner);
        adminToken = api.token(admin);
        memberToken = api.token(member);
        tenantId = InvitationSupport.createTenant(api, ownerToken, uniqueSlug("rules"));
        expect(201, api.post(members()).bearer(ownerToken).json(Map.of("userId", admin, "role", "ADMIN")));
        expect(201, api.post(members()).bearer(ownerToken).json(Map.of("userId", member, "role", "MEMBER")));
    }

    @Test
    void letsOwnersAndAdminsInviteAndOnlyOwnersInviteOwners() {
        expect(201, api.post(invitations()).bearer(adminToken).json(Map.of("email", email(), "role", "MEMBER")));
        assertProblem(InvitationSupport.invite(api, adminToken, tenantId, email(), "OWNER"), 403, "insufficient_role");
        assertProblem(
                InvitationSupport.invite(api, memberToken, tenantId, email(), "MEMBER"), 403, "insufficient_role");
        assertProblem(
                InvitationSupport.invite(api, api.token(uniqueUser("stranger")), tenantId, email(), "MEMBER"),
                404,
                "tenant_not_found");
        expect(201, api.post(invitations()).bearer(ownerToken).json(Map.of("email", email(), "role", "OWNER")));
        assertProblem(
                api.post(invitations())
                        .json(Map.of("email", email(), "role", "MEMBER"))
                        .send(),
                401,
                "unauthenticated");
    }

    @Test
    void refusesASecondPendingInvitationForAnAddressUntilTheFirstIsRevoked() {
        String email = email();
        String first = expect(
                        201, api.post(invitations()).bearer(ownerToken).json(Map.of("email", email, "role", "MEMBER")))
                .json()
                .path("id")
                .asText();
        assertProblem(
                InvitationSupport.invite(api, adminToken, tenantId, email.toUpperCase(), "ADMIN"),
                409,
                "invitation_pending");
        assertThat(heldSeats()).as("the refused invitation holds no seat").isEqualTo(1);
        assertThat(scheduledSeatExpiries()).as("nor left a deadline behind").isEqualTo(1);

        assertProblem(
                api.call("DELETE", invitations() + "/" + first)
                        .bearer(memberToken)
                        .send(),
                403,
                "insufficient_role");
        expect(204, api.call("DELETE", invitations() + "/" + first).bearer(adminToken));
        assertProblem(
                api.call("DELETE", invitations() + "/" + first)
                        .bearer(adminToken)
                        .send(),
                404,
                "invitation_not_found");
        expect(201, api.post(invitations()).bearer(ownerToken).json(Map.of("email", email, "role", "MEMBER")));
    }

    @Test
    void refusesToInviteAMembersAddressUntilTheyLeave() {
        String email = email();
        InvitationSupport.Sent sent = InvitationSupport.inviteAndReadMail(api, ownerToken, tenantId, email, "MEMBER");
        String dave = uniqueUser("dave");
        String daveToken = api.token(dave);
        expect(
                200,
                api.post("/api/invitations/" + sent.invitationId() + "/accept")
                        .bearer(daveToken)
                        .json(Map.of("token", sent.token())));

        assertProblem(InvitationSupport.invite(api, ownerToken, tenantId, email, "ADMIN"), 409, "already_member");
        expect(204, api.call("DELETE", members() + "/" + dave).bearer(daveToken));
        expect(201, api.post(invitations()).bearer(ownerToken).json(Map.of("email", email, "role", "ADMIN")));
    }

    @Test
    void countsPendingInvitationsAgainstThePlansMemberLimit() {
        // owner, admin and member are 3 of the default plan's 5
        expect(201, api.post(invitations()).bearer(ownerToken).json(Map.of("email", email(), "role", "MEMBER")));
        String last = expect(
                        201,
                        api.post(invitations()).bearer(ownerToken).json(Map.of("email", email(), "role", "MEMBER")))
                .json()
                .path("id")
                .asText();
        Api.Response refused = InvitationSupport.invite(api, ownerToken, tenantId, email(), "MEMBER");
        assertProblem(refused, 409, "plan_limit_reached");
        assertThat(refused.json().path("detail").asText()).contains("3 members and 2 pending invitations");
        assertProblem(
                api.post(members())
                        .bearer(ownerToken)
                        .json(Map.of("userId", uniqueUser("x"), "role", "MEMBER"))
                        .send(),
                409,
                "plan_limit_reached");

        expect(204, api.call("DELETE", invitations() + "/" + last).bearer(ownerToken));
        expect(201, api.post(members()).bearer(ownerToken).json(Map.of("userId", uniqueUser("y"), "role", "MEMBER")));
    }

    @Test
    void refusesBadInputWithAProblem() {
        assertProblem(
                InvitationSupport.invite(api, ownerToken, tenantId, "not-an-address", "MEMBER"),
                400,
                "validation_failed");
        assertProblem(
                api.post(invitations())
                        .bearer(ownerToken)
                        .json(Map.of("email", email()))
                        .send(),
                400,
                "validation_failed");
        assertProblem(
                api.post(invitations())
                        .bearer(ownerToken)
                        .json(Map.of("email", email(), "role", "KING"))
                        .send(),
                400,
                "validation_failed");
        assertProblem(
                api.post(invitations())
                        .bearer(ownerToken)
                        .json(Map.of("email", email(), "role", "MEMBER", "expiresInHours", 0))
                        .send(),
                400,
                "invalid_expiry");
        assertProblem(
                api.post(invitations())
                        .bearer(ownerToken)
                        .json(Map.of("email", email(), "role", "MEMBER", "expiresInHours", 10_000))
                        .send(),
                400,
                "invalid_expiry");
        assertProblem(
                InvitationSupport.invite(api, ownerToken, "no-such-tenant", email(), "MEMBER"),
                404,
                "tenant_not_found");
        assertThat(heldSeats())
                .as("nothing was held for the refused invitations")
                .isZero();

        String other = uniqueUser("other");
        assertProblem(
                api.post("/api/invitations/no-such-invitation/accept")
                        .bearer(api.token(other))
                        .json(Map.of("token", "x"))
                        .send(),
                404,
                "invitation_not_found");
        assertProblem(
                api.post("/api/invitations/no-such-invitation/accept")
                        .bearer(api.token(other))
                        .json(Map.of())
                        .send(),
                400,
                "validation_failed");
    }

    @Test
    void acceptsOnlyWithTheTokenAndTheInvitedAddress() {
        String email = email();
        InvitationSupport.Sent sent = InvitationSupport.inviteAndReadMail(api, ownerToken, tenantId, email, "MEMBER");
        String eve = uniqueUser("eve");

        assertProblem(
                InvitationSupport.accept(api, api.token(eve), sent.invitationId(), "guessed"),
                403,
                "invalid_invitation_token");
        assertProblem(
                InvitationSupport.accept(api, api.tokenWithEmail(eve, email("eve")), sent.invitationId(), sent.token()),
                403,
                "invitation_email_mismatch");
        assertProblem(
                api.post("/api/invitations/" + sent.invitationId() + "/accept")
                        .json(Map.of("token", sent.token()))
                        .send(),
                401,
                "unauthenticated");
        assertProblem(api.get(members() + "/" + eve).bearer(ownerToken).send(), 404, "member_not_found");

        expect(
                200,
                api.post("/api/invitations/" + sent.invitationId() + "/accept")
                        .bearer(api.token(eve))
                        .json(Map.of("token", sent.token())));
    }

    @Test
    void showsAnOpenInvitationToItsInviteeAndTheTenantsManagersOnly() {
        String email = email();
        InvitationSupport.Sent sent = InvitationSupport.inviteAndReadMail(api, adminToken, tenantId, email, "MEMBER");
        String path = "/api/invitations/" + sent.invitationId();

        JsonNode seen = awaitRead(path, api.tokenWithEmail(uniqueUser("invitee"), email), body -> true);
        assertThat(seen.path("email").asText()).isEqualTo(email);
        expect(200, api.get(path).bearer(ownerToken));
        expect(200, api.get(path).bearer(partnerAdmin()));
        assertProblem(api.get(path).bearer(memberToken).send(), 404, "invitation_not_found");
        assertProblem(api.get(path).bearer(api.token(uniqueUser("nosy"))).send(), 404, "invitation_not_found");

        expect(200, api.get(invitations()).bearer(adminToken));
        assertProblem(api.get(invitations()).bearer(memberToken).send(), 403, "insufficient_role");
        assertProblem(
                api.get(invitations()).bearer(api.token(uniqueUser("nosy"))).send(), 404, "tenant_not_found");

        expect(
                204,
                api.call("DELETE", invitations() + "/" + sent.invitationId()).bearer(ownerToken));
        awaitRead(invitations(), ownerToken, page -> page.path("total").asLong() == 0);
        assertProblem(api.get(path).bearer(ownerToken).send(), 404, "invitation_not_found");
        assertProblem(
                InvitationSupport.accept(api, api.token(uniqueUser("late")), sent.invitationId(), sent.token()),
                404,
                "invitation_not_found");
    }

    private long heldSeats() {
        Long held = jdbc.queryForObject("""
                select count(*) from domain_event_entry where aggregate_identifier = ?
                and payload_type = 'io.tenantry.contracts.tenant.MemberInvitedEvent'""", Long.class, tenantId);
        return held == null ? 0 : held;
    }

    /** Deadlines scheduled in the tenant's scope (seat expiries): db-scheduler rows naming the tenant. */
    private long scheduledSeatExpiries() {
        Long scheduled = jdbc.queryForObject("""
                select count(*) from scheduled_tasks where position(convert_to(?, 'UTF8') in task_data) > 0
                """, Long.class, tenantId);
        return scheduled == null ? 0 : scheduled;
    }

    private String invitations() {
        return "/api/tenants/" + tenantId + "/invitations";
    }

    private String members() {
        return "/api/tenants/" + tenantId + "/members";
    }

    private static String email() {
        return InvitationSupport.uniqueEmail("invitee");
    }

    private static String email(String prefix) {
        return InvitationSupport.uniqueEmail(prefix);
    }

    private static Api.Response expect(int status, Api.Call call) {
        Api.Response response = call.send();
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }
}
