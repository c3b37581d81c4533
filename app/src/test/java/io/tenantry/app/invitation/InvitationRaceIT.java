package io.tenantry.app.invitation;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.app.test.Api;
import io.tenantry.app.test.Concurrently;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.command.secret.OneTimeSecrets;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.invitation.InviteMemberCommand;
import io.tenantry.contracts.tenant.MemberRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An acceptance racing a revoke, another acceptance, or the expiry deadline: whichever commits first wins, the other
 * is undone whole, and the event store always tells one consistent story (one closing of the seat, at most one member).
 */
class InvitationRaceIT extends IntegrationTest {

    private static final int ROUNDS = 4;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private CommandGateway commands;

    private Concurrently together;
    private String owner;
    private String ownerToken;
    private String tenantId;

    @BeforeEach
    void tenant() {
        together = new Concurrently(2);
        owner = uniqueUser("owner");
        ownerToken = api.token(owner);
        tenantId = InvitationSupport.createTenant(api, ownerToken, uniqueSlug("race"));
    }

    @AfterEach
    void stop() {
        together.close();
    }

    @Test
    void acceptanceRacingARevokeEndsEitherAcceptedOrRevoked() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            InvitationSupport.Sent sent = InvitationSupport.inviteAndReadMail(
                    api, ownerToken, tenantId, InvitationSupport.uniqueEmail("racer"), "MEMBER");
            String user = uniqueUser("racer");
            List<Api.Response> results = race(
                    () -> InvitationSupport.accept(api, api.token(user), sent.invitationId(), sent.token()),
                    () -> api.call("DELETE", "/api/tenants/" + tenantId + "/invitations/" + sent.invitationId())
                            .bearer(ownerToken)
                            .send());
            Api.Response accept = results.get(0);
            Api.Response revoke = results.get(1);

            assertThat(List.of(accept.status(), revoke.status()))
                    .as("%s / %s", accept, revoke)
                    .containsOnlyOnce(accept.status() == 200 ? 200 : 204);
            assertThat(closings(sent.invitationId()))
                    .as("the seat is closed once")
                    .containsExactly(accept.status() == 200 ? "ACCEPTED" : "REVOKED");
            assertThat(membersAdded(user)).isEqualTo(accept.status() == 200 ? 1 : 0);
            if (accept.status() == 200) {
                assertThat(revoke.status()).isIn(404, 409);
            } else {
                assertThat(revoke.status()).isEqualTo(204);
                assertThat(accept.status()).isIn(404, 409);
            }
        }
    }

    @Test
    void ofTwoUsersAcceptingAtOnceExactlyOneJoins() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            InvitationSupport.Sent sent = InvitationSupport.inviteAndReadMail(
                    api, ownerToken, tenantId, InvitationSupport.uniqueEmail("pair"), "MEMBER");
            String first = uniqueUser("first");
            String second = uniqueUser("second");
            List<Api.Response> results = race(
                    () -> InvitationSupport.accept(api, api.token(first), sent.invitationId(), sent.token()),
                    () -> InvitationSupport.accept(api, api.token(second), sent.invitationId(), sent.token()));

            assertThat(results)
                    .extracting(Api.Response::status)
                    .as("%s", results)
                    .containsOnlyOnce(200);
            assertThat(membersAdded(first) + membersAdded(second)).isEqualTo(1);
            assertThat(closings(sent.invitationId())).containsExactly("ACCEPTED");
        }
    }

    @Test
    void oneUserAcceptingTwiceAtOnceJoinsOnce() throws Exception {
        InvitationSupport.Sent sent = InvitationSupport.inviteAndReadMail(
                api, ownerToken, tenantId, InvitationSupport.uniqueEmail("twice"), "MEMBER");
        String user = uniqueUser("twice");
        String token = api.token(user);
        List<Api.Response> results = race(
                () -> InvitationSupport.accept(api, token, sent.invitationId(), sent.token()),
                () -> InvitationSupport.accept(api, token, sent.invitationId(), sent.token()));

        assertThat(results)
                .extracting(Api.Response::status)
                .as("%s", results)
                .contains(200)
                .allMatch(s -> s == 200 || s == 409);
        assertThat(membersAdded(user)).isEqualTo(1);
        assertThat(InvitationSupport.accept(api, token, sent.invitationId(), sent.token())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anInvitationPastItsDeadlineIsExpiredAndItsSeatAndAddressAreFreed() {
        String email = InvitationSupport.uniqueEmail("late");
        String invitationId = UUID.randomUUID().toString();
        String token = OneTimeSecrets.newSecret();
        commands.sendAndWait(new InviteMemberCommand(
                tenantId,
                invitationId,
                email,
                MemberRole.MEMBER,
                Instant.now().plusSeconds(1),
                OneTimeSecrets.hash(token),
                Caller.user(owner)));

        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> closings(invitationId).contains("EXPIRED") && expired(invitationId));
        assertProblem(
                InvitationSupport.accept(api, api.token(uniqueUser("late")), invitationId, token),
                409,
                "invitation_expired");
        assertProblem(
                api.get("/api/invitations/" + invitationId).bearer(ownerToken).send(), 404, "invitation_not_found");
        assertThat(InvitationSupport.invite(api, ownerToken, tenantId, email, "MEMBER")
                        .status())
                .as("the address can be invited again")
                .isEqualTo(201);
    }

    @Test
    void acceptanceRacingTheExpiryEndsEitherAcceptedOrExpired() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String invitationId = UUID.randomUUID().toString();
            String token = OneTimeSecrets.newSecret();
            Instant expiresAt = Instant.now().plusMillis(1500);
            commands.sendAndWait(new InviteMemberCommand(
                    tenantId,
                    invitationId,
                    InvitationSupport.uniqueEmail("edge"),
                    MemberRole.MEMBER,
                    expiresAt,
                    OneTimeSecrets.hash(token),
                    Caller.user(owner)));
            String user = uniqueUser("edge");
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis() - 20 + round * 15));
            Api.Response accept = InvitationSupport.accept(api, api.token(user), invitationId, token);

            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() ->
                            !closings(invitationId).isEmpty() && (accept.status() == 200 || expired(invitationId)));
            if (accept.status() == 200) {
                assertThat(closings(invitationId)).containsExactly("ACCEPTED");
                assertThat(membersAdded(user)).isEqualTo(1);
                assertThat(expired(invitationId)).isFalse();
            } else {
                assertThat(accept.status()).as("%s", accept).isEqualTo(409);
                assertThat(closings(invitationId)).containsExactly("EXPIRED");
                assertThat(membersAdded(user)).isZero();
            }
        }
    }

    /** Runs both at once, released together; answers their results in order. */
    private List<Api.Response> race(Callable<Api.Response> one, Callable<Api.Response> other) throws Exception {
        return together.run(List.of(one, other));
    }

    private List<String> closings(String invitationId) {
        return InvitationSupport.closings(jdbc, tenantId, invitationId);
    }

    private boolean expired(String invitationId) {
        Integer expired = jdbc.queryForObject("""
                select count(*) from domain_event_entry where aggregate_identifier = ?
                and payload_type = 'io.tenantry.contracts.invitation.InvitationExpiredEvent'
                """, Integer.class, invitationId);
        return expired != null && expired > 0;
    }

    private int membersAdded(String userId) {
        return InvitationSupport.membersAdded(jdbc, tenantId, userId);
    }
}
