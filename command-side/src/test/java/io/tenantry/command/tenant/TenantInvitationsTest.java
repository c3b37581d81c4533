package io.tenantry.command.tenant;

import static io.tenantry.command.Refusals.refusal;
import static io.tenantry.command.tenant.TenantFixtures.ID;
import static io.tenantry.command.tenant.TenantFixtures.OWNER;
import static io.tenantry.command.tenant.TenantFixtures.added;
import static io.tenantry.command.tenant.TenantFixtures.created;
import static io.tenantry.command.tenant.TenantFixtures.ownerAdded;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.invitation.AdmitInviteeCommand;
import io.tenantry.contracts.invitation.HoldInvitationSeatCommand;
import io.tenantry.contracts.invitation.InvitationSeat;
import io.tenantry.contracts.invitation.InvitationStatus;
import io.tenantry.contracts.invitation.ReleaseInvitationSeatCommand;
import io.tenantry.contracts.lead.LeadPrincipal;
import io.tenantry.contracts.tenant.AddMemberCommand;
import io.tenantry.contracts.tenant.CreateTenantCommand;
import io.tenantry.contracts.tenant.InvitationClosedEvent;
import io.tenantry.contracts.tenant.MemberAddedEvent;
import io.tenantry.contracts.tenant.MemberInvitedEvent;
import io.tenantry.contracts.tenant.MemberRemovedEvent;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.MemberView;
import io.tenantry.contracts.tenant.TeamCreatedEvent;
import io.tenantry.contracts.tenant.TeamMemberAddedEvent;
import io.tenantry.contracts.tenant.TeamMemberRemovedEvent;
import io.tenantry.contracts.tenant.TeamRole;
import io.tenantry.contracts.tenant.TenantDeletedEvent;
import io.tenantry.contracts.tenant.TenantTier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tenant's side of invitations: who may invite, seats held against the plan (the test plan allows 3 members),
 * a seat taken by the invitee, freed by a revoke or by its own expiry deadline.
 */
class TenantInvitationsTest {

    private static final Caller OWNER_CALLER = Caller.user(OWNER);
    private static final Caller ADMIN_CALLER = Caller.user("admin-1");
    private static final Caller MEMBER_CALLER = Caller.user("member-1");
    private static final String INVITATION = "inv-1";

    private AggregateTestFixture<Tenant> fixture;
    private Instant expires;

    @BeforeEach
    void setUp() {
        fixture = TenantFixtures.fixture();
        expires = fixture.currentTime().plus(Duration.ofDays(7));
    }

    private HoldInvitationSeatCommand hold(String invitationId, MemberRole role, Caller caller) {
        return new HoldInvitationSeatCommand(ID, invitationId, role, expires, caller);
    }

    private MemberInvitedEvent invited(String invitationId, MemberRole role, String by) {
        return new MemberInvitedEvent(ID, invitationId, role, by, expires);
    }

    @Test
    void holdsASeatAnswersTheTenantsNameAndSchedulesTheSeatsExpiry() {
        fixture.given(created(), ownerAdded())
                .when(hold(INVITATION, MemberRole.MEMBER, OWNER_CALLER))
                .expectEvents(invited(INVITATION, MemberRole.MEMBER, OWNER))
                .expectResultMessagePayload(new InvitationSeat("Acme Corp", 2))
                .expectScheduledDeadline(
                        Duration.between(fixture.currentTime(), expires), new InvitationSeatExpiryDue(INVITATION));
    }

    @Test
    void letsOnlyOwnersAndAdminsInviteAndOnlyOwnersInviteAnOwner() {
        fixture.given(created(), ownerAdded(), added("admin-1", MemberRole.ADMIN))
                .when(hold(INVITATION, MemberRole.ADMIN, ADMIN_CALLER))
                .expectEvents(invited(INVITATION, MemberRole.ADMIN, "admin-1"));
        fixture.given(created(), ownerAdded(), added("admin-1", MemberRole.ADMIN))
                .when(hold(INVITATION, MemberRole.OWNER, ADMIN_CALLER))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
        fixture.given(created(), ownerAdded(), added("member-1", MemberRole.MEMBER))
                .when(hold(INVITATION, MemberRole.MEMBER, MEMBER_CALLER))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
        fixture.given(created(), ownerAdded())
                .when(hold(INVITATION, MemberRole.MEMBER, Caller.user("stranger")))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.NOT_FOUND, "tenant_not_found"));
        fixture.given(created(), ownerAdded())
                .when(hold(INVITATION, MemberRole.OWNER, Caller.partnerAdmin("partner")))
                .expectEvents(invited(INVITATION, MemberRole.OWNER, "partner"));
    }

    @Test
    void countsHeldSeatsAgainstThePlansMemberLimit() {
        fixture.given(
                        created(),
                        ownerAdded(),
                        added("member-1", MemberRole.MEMBER),
                        invited("inv-0", MemberRole.MEMBER, OWNER))
                .when(hold(INVITATION, MemberRole.MEMBER, OWNER_CALLER))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.CONFLICT, "plan_limit_reached"));
        fixture.given(
                        created(),
                        ownerAdded(),
                        invited("inv-0", MemberRole.MEMBER, OWNER),
                        invited("inv-2", MemberRole.MEMBER, OWNER))
                .when(new AddMemberCommand(ID, OWNER_CALLER, "carol", MemberRole.MEMBER))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.CONFLICT, "plan_limit_reached"));
        fixture.given(
                        created(),
                        ownerAdded(),
                        invited("inv-0", MemberRole.MEMBER, OWNER),
                        invited("inv-2", MemberRole.MEMBER, OWNER),
                        new InvitationClosedEvent(ID, "inv-2", InvitationStatus.REVOKED))
                .when(new AddMemberCommand(ID, OWNER_CALLER, "carol", MemberRole.MEMBER))
                .expectEvents(added("carol", MemberRole.MEMBER));
    }

    @Test
    void givesTheHeldSeatToTheInviteeWithTheInvitedRole() {
        fixture.given(created(), ownerAdded(), invited(INVITATION, MemberRole.ADMIN, OWNER))
                .when(new AdmitInviteeCommand(ID, INVITATION, "carol"))
                .expectEvents(
                        new InvitationClosedEvent(ID, INVITATION, InvitationStatus.ACCEPTED),
                        new MemberAddedEvent(ID, "carol", MemberRole.ADMIN))
                .expectResultMessagePayloadMatching(member("carol", MemberRole.ADMIN));
    }

    @Test
    void handsALeadsPlaceholderSeatToWhoeverAcceptsItsOwnerInvitation() {
        String placeholder = LeadPrincipal.of("lead-7");
        fixture.given(
                        created(),
                        added(placeholder, MemberRole.OWNER),
                        new TeamCreatedEvent(ID, "team-1", "Founders", null),
                        new TeamMemberAddedEvent(ID, "team-1", placeholder, TeamRole.LEAD),
                        invited(INVITATION, MemberRole.OWNER, placeholder))
                .when(new AdmitInviteeCommand(ID, INVITATION, "lena"))
                .expectEvents(
                        new InvitationClosedEvent(ID, INVITATION, InvitationStatus.ACCEPTED),
                        new MemberAddedEvent(ID, "lena", MemberRole.OWNER),
                        new TeamMemberRemovedEvent(ID, "team-1", placeholder),
                        new MemberRemovedEvent(ID, placeholder, false));
        fixture.given(created(), ownerAdded(), invited(INVITATION, MemberRole.OWNER, OWNER))
                .when(new AdmitInviteeCommand(ID, INVITATION, "lena"))
                .expectEvents(
                        new InvitationClosedEvent(ID, INVITATION, InvitationStatus.ACCEPTED),
                        new MemberAddedEvent(ID, "lena", MemberRole.OWNER));
    }

    @Test
    void refusesToAdmitAMemberAClosedSeatOrADeletedTenant() {
        fixture.given(created(), ownerAdded(), invited(INVITATION, MemberRole.MEMBER, OWNER))
                .when(new AdmitInviteeCommand(ID, INVITATION, OWNER))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.CONFLICT, "already_member"));
        fixture.given(
                        created(),
                        ownerAdded(),
                        invited(INVITATION, MemberRole.MEMBER, OWNER),
                        new InvitationClosedEvent(ID, INVITATION, InvitationStatus.EXPIRED))
                .when(new AdmitInviteeCommand(ID, INVITATION, "carol"))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.CONFLICT, "invitation_expired"));
        fixture.given(
                        created(),
                        ownerAdded(),
                        invited(INVITATION, MemberRole.MEMBER, OWNER),
                        new TenantDeletedEvent(ID))
                .when(new AdmitInviteeCommand(ID, INVITATION, "carol"))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.NOT_FOUND, "tenant_not_found"));
    }

    @Test
    void freesTheSeatOfARevokedInvitation() {
        fixture.given(
                        created(),
                        ownerAdded(),
                        added("admin-1", MemberRole.ADMIN),
                        invited(INVITATION, MemberRole.MEMBER, OWNER))
                .when(new ReleaseInvitationSeatCommand(ID, INVITATION, ADMIN_CALLER))
                .expectEvents(new InvitationClosedEvent(ID, INVITATION, InvitationStatus.REVOKED));
        fixture.given(
                        created(),
                        ownerAdded(),
                        added("member-1", MemberRole.MEMBER),
                        invited(INVITATION, MemberRole.MEMBER, OWNER))
                .when(new ReleaseInvitationSeatCommand(ID, INVITATION, MEMBER_CALLER))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
        fixture.given(
                        created(),
                        ownerAdded(),
                        invited(INVITATION, MemberRole.MEMBER, OWNER),
                        new InvitationClosedEvent(ID, INVITATION, InvitationStatus.ACCEPTED))
                .when(new ReleaseInvitationSeatCommand(ID, INVITATION, OWNER_CALLER))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.NOT_FOUND, "invitation_not_found"));
    }

    @Test
    void freesTheSeatWhenTheInvitationExpires() {
        fixture.givenCommands(createTenant(), hold(INVITATION, MemberRole.MEMBER, OWNER_CALLER))
                .whenTimeElapses(
                        Duration.between(fixture.currentTime(), expires).plusSeconds(1))
                .expectDeadlinesMet(new InvitationSeatExpiryDue(INVITATION))
                .expectEvents(new InvitationClosedEvent(ID, INVITATION, InvitationStatus.EXPIRED));
    }

    @Test
    void keepsTheMemberWhenTheDeadlineOfAnAcceptedInvitationComes() {
        fixture.givenCommands(
                        createTenant(),
                        hold(INVITATION, MemberRole.MEMBER, OWNER_CALLER),
                        new AdmitInviteeCommand(ID, INVITATION, "carol"))
                .whenTimeElapses(
                        Duration.between(fixture.currentTime(), expires).plusSeconds(1))
                .expectNoEvents();
    }

    private static CreateTenantCommand createTenant() {
        return new CreateTenantCommand(
                ID, "Acme Corp", "acme", TenantTier.POOLED, List.of(), null, null, null, null, OWNER, null);
    }

    private static Matcher<Object> member(String userId, MemberRole role) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof MemberView view && view.userId().equals(userId) && view.role() == role;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("the membership of " + userId + " as " + role);
            }
        };
    }
}
