package io.tenantry.command.tenant;

import static io.tenantry.command.Refusals.refusal;
import static io.tenantry.command.tenant.TenantFixtures.ID;
import static io.tenantry.command.tenant.TenantFixtures.OWNER;
import static io.tenantry.command.tenant.TenantFixtures.added;
import static io.tenantry.command.tenant.TenantFixtures.created;
import static io.tenantry.command.tenant.TenantFixtures.ownerAdded;
import static io.tenantry.contracts.tenant.MemberRole.ADMIN;
import static io.tenantry.contracts.tenant.MemberRole.MEMBER;
import static io.tenantry.contracts.tenant.TeamRole.LEAD;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.tenant.AddTeamMemberCommand;
import io.tenantry.contracts.tenant.ChangeTeamMemberRoleCommand;
import io.tenantry.contracts.tenant.CreateTeamCommand;
import io.tenantry.contracts.tenant.DeleteTeamCommand;
import io.tenantry.contracts.tenant.RemoveTeamMemberCommand;
import io.tenantry.contracts.tenant.TeamCreatedEvent;
import io.tenantry.contracts.tenant.TeamDeletedEvent;
import io.tenantry.contracts.tenant.TeamMemberAddedEvent;
import io.tenantry.contracts.tenant.TeamMemberRemovedEvent;
import io.tenantry.contracts.tenant.TeamMemberRoleChangedEvent;
import io.tenantry.contracts.tenant.TeamUpdatedEvent;
import io.tenantry.contracts.tenant.UpdateTeamCommand;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every path of teams: names, limits, who may change them, who may join, and what disbanding ends. */
class TenantTeamsTest {

    private static final Caller OWNER_CALLER = Caller.user(OWNER);
    private static final Caller ADMIN_CALLER = Caller.user("admin-1");
    private static final Caller LEAD_CALLER = Caller.user("lead-1");
    private static final Caller MEMBER_CALLER = Caller.user("member-1");
    private static final Caller STRANGER = Caller.user("stranger");

    private FixtureConfiguration<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = TenantFixtures.fixture();
    }

    private Object[] tenantWithTeam() {
        return new Object[] {
            created(),
            ownerAdded(),
            added("admin-1", ADMIN),
            added("lead-1", MEMBER),
            new TeamCreatedEvent(ID, "team-a", "Engineering", "Builds things"),
            new TeamMemberAddedEvent(ID, "team-a", "lead-1", LEAD)
        };
    }

    private Object[] withMember(Object... more) {
        java.util.List<Object> events = new java.util.ArrayList<>(java.util.List.of(tenantWithTeam()));
        events.add(added("member-1", MEMBER));
        events.addAll(java.util.List.of(more));
        return events.toArray();
    }

    @Test
    void formsATeam() {
        fixture.given(created(), ownerAdded())
                .when(new CreateTeamCommand(ID, OWNER_CALLER, "team-a", " Sales ", null))
                .expectEvents(new TeamCreatedEvent(ID, "team-a", "Sales", null));
    }

    @Test
    void refusesATakenNameWhateverItsCase() {
        fixture.given(created(), ownerAdded(), new TeamCreatedEvent(ID, "team-a", "Sales", null))
                .when(new CreateTeamCommand(ID, OWNER_CALLER, "team-b", "SALES", null))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.CONFLICT, "team_name_taken"));
    }

    @Test
    void refusesBeyondThePlansTeamLimit() {
        fixture.given(tenantWithTeam())
                .when(new CreateTeamCommand(ID, OWNER_CALLER, "team-b", "Sales", null))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.CONFLICT, "plan_limit_reached"));
    }

    @Test
    void refusesBadNamesAndDescriptions() {
        fixture.given(created(), ownerAdded())
                .when(new CreateTeamCommand(ID, OWNER_CALLER, "t", " ", null))
                .expectException(refusal(DomainRefusal.Kind.INVALID, "invalid_team_name"));
        fixture.given(created(), ownerAdded())
                .when(new CreateTeamCommand(ID, OWNER_CALLER, "t", "T", "x".repeat(501)))
                .expectException(refusal(DomainRefusal.Kind.INVALID, "invalid_team_description"));
    }

    @Test
    void letsOnlyOwnersAndAdminsFormTeams() {
        fixture.given(withMember())
                .when(new CreateTeamCommand(ID, LEAD_CALLER, "team-b", "Sales", null))
                .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
        fixture.given(withMember())
                .when(new CreateTeamCommand(ID, STRANGER, "team-b", "Sales", null))
                .expectException(refusal(DomainRefusal.Kind.NOT_FOUND, "tenant_not_found"));
    }

    @Test
    void letsTheTeamsLeadRenameIt() {
        fixture.given(withMember())
                .when(new UpdateTeamCommand(ID, LEAD_CALLER, "team-a", "Platform", null))
                .expectEvents(new TeamUpdatedEvent(ID, "team-a", "Platform", "Builds things"));
    }

    @Test
    void refusesPlainMembersUpdatingATeam() {
        fixture.given(withMember(new TeamMemberAddedEvent(
                        ID, "team-a", "member-1", io.tenantry.contracts.tenant.TeamRole.MEMBER)))
                .when(new UpdateTeamCommand(ID, MEMBER_CALLER, "team-a", "Mine", null))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
    }

    @Test
    void changesNothingWhenTheUpdateChangesNothing() {
        fixture.given(tenantWithTeam())
                .when(new UpdateTeamCommand(ID, ADMIN_CALLER, "team-a", "Engineering", null))
                .expectNoEvents();
    }

    @Test
    void doesNotFindAnUnknownTeam() {
        fixture.given(tenantWithTeam())
                .when(new UpdateTeamCommand(ID, OWNER_CALLER, "team-z", "X", null))
                .expectException(refusal(DomainRefusal.Kind.NOT_FOUND, "team_not_found"));
    }

    @Test
    void disbandsATeamForOwnersAndAdminsOnly() {
        fixture.given(tenantWithTeam())
                .when(new DeleteTeamCommand(ID, ADMIN_CALLER, "team-a"))
                .expectEvents(new TeamDeletedEvent(ID, "team-a"));
        fixture.given(tenantWithTeam())
                .when(new DeleteTeamCommand(ID, LEAD_CALLER, "team-a"))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
    }

    @Test
    void endsTheMembershipsOfADisbandedTeam() {
        fixture.given(withMember(
                        new TeamDeletedEvent(ID, "team-a"), new TeamCreatedEvent(ID, "team-b", "Engineering", null)))
                .when(new AddTeamMemberCommand(ID, OWNER_CALLER, "team-b", "lead-1", LEAD))
                .expectEvents(new TeamMemberAddedEvent(ID, "team-b", "lead-1", LEAD));
    }

    @Test
    void letsTheLeadAddTenantMembersOnly() {
        fixture.given(withMember())
                .when(new AddTeamMemberCommand(
                        ID, LEAD_CALLER, "team-a", "member-1", io.tenantry.contracts.tenant.TeamRole.MEMBER))
                .expectEvents(new TeamMemberAddedEvent(
                        ID, "team-a", "member-1", io.tenantry.contracts.tenant.TeamRole.MEMBER));
        fixture.given(withMember())
                .when(new AddTeamMemberCommand(ID, LEAD_CALLER, "team-a", "outsider", LEAD))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.CONFLICT, "not_a_member"));
        fixture.given(withMember())
                .when(new AddTeamMemberCommand(ID, LEAD_CALLER, "team-a", "lead-1", LEAD))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.CONFLICT, "already_team_member"));
        fixture.given(withMember())
                .when(new AddTeamMemberCommand(ID, MEMBER_CALLER, "team-a", "member-1", LEAD))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
    }

    @Test
    void changesATeamMembersRole() {
        fixture.given(withMember(new TeamMemberAddedEvent(
                        ID, "team-a", "member-1", io.tenantry.contracts.tenant.TeamRole.MEMBER)))
                .when(new ChangeTeamMemberRoleCommand(ID, LEAD_CALLER, "team-a", "member-1", LEAD))
                .expectEvents(new TeamMemberRoleChangedEvent(
                        ID, "team-a", "member-1", io.tenantry.contracts.tenant.TeamRole.MEMBER, LEAD));
        fixture.given(withMember())
                .when(new ChangeTeamMemberRoleCommand(ID, OWNER_CALLER, "team-a", "member-1", LEAD))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.NOT_FOUND, "team_member_not_found"));
    }

    @Test
    void letsATeamMemberLeaveAndTheLeadRemoveOthers() {
        Object[] given = withMember(
                new TeamMemberAddedEvent(ID, "team-a", "member-1", io.tenantry.contracts.tenant.TeamRole.MEMBER));
        fixture.given(given)
                .when(new RemoveTeamMemberCommand(ID, MEMBER_CALLER, "team-a", "member-1"))
                .expectEvents(new TeamMemberRemovedEvent(ID, "team-a", "member-1"));
        fixture.given(given)
                .when(new RemoveTeamMemberCommand(ID, LEAD_CALLER, "team-a", "member-1"))
                .expectEvents(new TeamMemberRemovedEvent(ID, "team-a", "member-1"));
        fixture.given(given)
                .when(new RemoveTeamMemberCommand(ID, MEMBER_CALLER, "team-a", "lead-1"))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
    }
}
