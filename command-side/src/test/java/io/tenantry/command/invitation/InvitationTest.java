package io.tenantry.command.invitation;

import static io.tenantry.command.Refusals.refusal;

import io.tenantry.command.secret.OneTimeSecrets;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.invitation.AcceptedInvitation;
import io.tenantry.contracts.invitation.CreateInvitationCommand;
import io.tenantry.contracts.invitation.InvitationAcceptedEvent;
import io.tenantry.contracts.invitation.InvitationCreatedEvent;
import io.tenantry.contracts.invitation.InvitationExpiredEvent;
import io.tenantry.contracts.invitation.InvitationRevokedEvent;
import io.tenantry.contracts.invitation.RedeemInvitationCommand;
import io.tenantry.contracts.invitation.RedeemInvitationCommand.Redemption;
import io.tenantry.contracts.invitation.WithdrawInvitationCommand;
import io.tenantry.contracts.tenant.MemberRole;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every path of an invitation: creation, acceptance (right and wrong token, matching and other e-mail, repeated),
 * revocation, expiry by deadline, and each order in which an acceptance, a revocation and the expiry can arrive.
 */
class InvitationTest {

    private static final String ID = "inv-1";
    private static final String TENANT = "tenant-1";
    private static final String TOKEN = "the-token";
    private static final String EMAIL = "Carol@Example.com";

    private AggregateTestFixture<Invitation> fixture;
    private Instant expires;
    private Instant soon;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invitation.class);
        expires = fixture.currentTime().plus(Duration.ofDays(7));
        soon = fixture.currentTime().plus(Duration.ofMinutes(5));
    }

    private CreateInvitationCommand create() {
        return new CreateInvitationCommand(
                ID, TENANT, EMAIL, MemberRole.ADMIN, "owner-1", OneTimeSecrets.hash(TOKEN), expires);
    }

    private InvitationCreatedEvent created() {
        return new InvitationCreatedEvent(
                ID, TENANT, EMAIL, MemberRole.ADMIN, "owner-1", OneTimeSecrets.hash(TOKEN), expires);
    }

    private RedeemInvitationCommand redeem(String token, String userId, String email, Instant at) {
        return new RedeemInvitationCommand(ID, OneTimeSecrets.hash(token), userId, email, at);
    }

    private static AcceptedInvitation accepted(String userId) {
        return new AcceptedInvitation(ID, TENANT, userId, MemberRole.ADMIN);
    }

    @Test
    void createsAnInvitationAndSchedulesItsExpiry() {
        fixture.givenNoPriorActivity()
                .when(create())
                .expectEvents(created())
                .expectScheduledDeadlineWithName(
                        Duration.between(fixture.currentTime(), expires), Invitation.EXPIRY_DEADLINE);
    }

    @Test
    void refusesAnInvitationWithoutAValidAddressOrRole() {
        fixture.givenNoPriorActivity()
                .when(new CreateInvitationCommand(ID, TENANT, "not-an-address", MemberRole.ADMIN, "o", "h", expires))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.INVALID, "invalid_email"));
        fixture.givenNoPriorActivity()
                .when(new CreateInvitationCommand(ID, TENANT, EMAIL, null, "o", "h", expires))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.INVALID, "invalid_role"));
    }

    @Test
    void isAcceptedWithItsTokenByASignedInUser() {
        fixture.given(created())
                .when(redeem(TOKEN, "carol", null, soon))
                .expectEvents(new InvitationAcceptedEvent(ID, TENANT, "carol", MemberRole.ADMIN))
                .expectResultMessagePayload(new Redemption(accepted("carol"), false));
    }

    @Test
    void takesAVerifiedEmailOnlyWhenItIsTheInvitedAddress() {
        fixture.given(created())
                .when(redeem(TOKEN, "carol", "carol@EXAMPLE.com", soon))
                .expectEvents(new InvitationAcceptedEvent(ID, TENANT, "carol", MemberRole.ADMIN));
        fixture.given(created())
                .when(redeem(TOKEN, "mallory", "mallory@example.com", soon))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "invitation_email_mismatch"));
    }

    @Test
    void refusesAWrongToken() {
        fixture.given(created())
                .when(redeem("guess", "carol", null, soon))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "invalid_invitation_token"));
    }

    @Test
    void answersARepeatedAcceptanceAlikeAndChangesNothing() {
        fixture.given(created(), new InvitationAcceptedEvent(ID, TENANT, "carol", MemberRole.ADMIN))
                .when(redeem(TOKEN, "carol", null, soon))
                .expectNoEvents()
                .expectResultMessagePayload(new Redemption(accepted("carol"), true));
    }

    @Test
    void isNotOpenToAnotherUserOnceAccepted() {
        fixture.given(created(), new InvitationAcceptedEvent(ID, TENANT, "carol", MemberRole.ADMIN))
                .when(redeem(TOKEN, "dave", null, soon))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.NOT_FOUND, "invitation_not_found"));
        fixture.given(created(), new InvitationAcceptedEvent(ID, TENANT, "carol", MemberRole.ADMIN))
                .when(redeem("guess", "carol", null, soon))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.NOT_FOUND, "invitation_not_found"));
    }

    @Test
    void isRevokedWhilePendingOnly() {
        fixture.given(created())
                .when(new WithdrawInvitationCommand(ID, TENANT, "owner-1"))
                .expectEvents(new InvitationRevokedEvent(ID, TENANT, "owner-1"));
        fixture.given(created())
                .when(new WithdrawInvitationCommand(ID, "other-tenant", "owner-1"))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.NOT_FOUND, "invitation_not_found"));
    }

    @Test
    void revokeThenAcceptLeavesItRevoked() {
        fixture.given(created(), new InvitationRevokedEvent(ID, TENANT, "owner-1"))
                .when(redeem(TOKEN, "carol", null, soon))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.NOT_FOUND, "invitation_not_found"));
    }

    @Test
    void acceptThenRevokeLeavesItAccepted() {
        fixture.given(created(), new InvitationAcceptedEvent(ID, TENANT, "carol", MemberRole.ADMIN))
                .when(new WithdrawInvitationCommand(ID, TENANT, "owner-1"))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.NOT_FOUND, "invitation_not_found"));
    }

    @Test
    void expiresByItsDeadlineWhenStillPending() {
        fixture.givenCommands(create())
                .whenTimeElapses(
                        Duration.between(fixture.currentTime(), expires).plusSeconds(1))
                .expectTriggeredDeadlinesWithName(Invitation.EXPIRY_DEADLINE)
                .expectEvents(new InvitationExpiredEvent(ID, TENANT));
    }

    @Test
    void acceptThenDeadlineLeavesItAccepted() {
        fixture.givenCommands(create(), redeem(TOKEN, "carol", null, soon))
                .whenTimeElapses(
                        Duration.between(fixture.currentTime(), expires).plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void deadlineThenAcceptIsRefusedAsExpired() {
        fixture.given(created(), new InvitationExpiredEvent(ID, TENANT))
                .when(redeem(TOKEN, "carol", null, soon))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.CONFLICT, "invitation_expired"));
    }

    @Test
    void anAcceptanceAfterTheExpiryIsRefusedEvenBeforeTheDeadlineRuns() {
        fixture.given(created())
                .when(redeem(TOKEN, "carol", null, expires))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.CONFLICT, "invitation_expired"));
    }

    @Test
    void revokeThenDeadlineLeavesItRevoked() {
        fixture.givenCommands(create(), new WithdrawInvitationCommand(ID, TENANT, "owner-1"))
                .whenTimeElapses(
                        Duration.between(fixture.currentTime(), expires).plusSeconds(1))
                .expectNoEvents();
    }
}
