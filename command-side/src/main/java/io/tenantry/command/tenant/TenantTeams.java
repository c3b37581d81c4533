package io.tenantry.command.tenant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.plan.PlanCatalogue;
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
import io.tenantry.contracts.tenant.TeamMemberView;
import io.tenantry.contracts.tenant.TeamRole;
import io.tenantry.contracts.tenant.TeamUpdatedEvent;
import io.tenantry.contracts.tenant.TeamView;
import io.tenantry.contracts.tenant.UpdateTeamCommand;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * A tenant's teams, as an entity of the Tenant aggregate: names unique in the tenant, only tenant members in them,
 * updated by OWNERs, ADMINs and the team's LEAD; disbanding a team ends its memberships.
 */
class TenantTeams {

    static final int NAME_MAX = 100;
    static final int DESCRIPTION_MAX = 500;

    private final Roster roster;

    TenantTeams(Roster roster) {
        this.roster = roster;
    }

    @CommandHandler
    TeamView handle(CreateTeamCommand command, PlanCatalogue plans) {
        roster.requireManager(command.caller());
        String name = checkedName(command.name());
        checkDescription(command.description());
        requireFreeName(roster, name, null);
        TenantPlan.requireRoomForTeam(roster, plans);
        apply(new TeamCreatedEvent(roster.tenantId(), command.teamId(), name, command.description()));
        return view(command.teamId());
    }

    @CommandHandler
    TeamView handle(UpdateTeamCommand command) {
        Team team = roster.requireTeamManager(command.caller(), command.teamId());
        String name = command.name() == null ? team.name : checkedName(command.name());
        String description = command.description() == null ? team.description : command.description();
        checkDescription(description);
        requireFreeName(roster, name, team.id);
        if (!name.equals(team.name) || !Objects.equals(description, team.description)) {
            apply(new TeamUpdatedEvent(roster.tenantId(), team.id, name, description));
        }
        return view(team.id);
    }

    /** Disbands a team; answers the tenant's new version. */
    @CommandHandler
    long handle(DeleteTeamCommand command) {
        roster.requireManager(command.caller());
        roster.requireTeam(command.teamId());
        apply(new TeamDeletedEvent(roster.tenantId(), command.teamId()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    TeamMemberView handle(AddTeamMemberCommand command) {
        Team team = roster.requireTeamManager(command.caller(), command.teamId());
        requireRole(command.role());
        if (!roster.isMember(command.userId())) {
            throw DomainRefusal.conflict(
                    "not_a_member", "Only members of the tenant join its teams; " + command.userId() + " is not one.");
        }
        if (team.members.containsKey(command.userId())) {
            throw DomainRefusal.conflict(
                    "already_team_member", "User " + command.userId() + " is already in this team.");
        }
        apply(new TeamMemberAddedEvent(roster.tenantId(), team.id, command.userId(), command.role()));
        return memberView(team.id, command.userId());
    }

    @CommandHandler
    TeamMemberView handle(ChangeTeamMemberRoleCommand command) {
        Team team = roster.requireTeamManager(command.caller(), command.teamId());
        requireRole(command.role());
        Seat<TeamRole> seat = requireTeamMember(team, command.userId());
        if (seat.role != command.role()) {
            apply(new TeamMemberRoleChangedEvent(
                    roster.tenantId(), team.id, command.userId(), seat.role, command.role()));
        }
        return memberView(team.id, command.userId());
    }

    /** Takes a user out of a team (the user may leave by itself); answers the tenant's new version. */
    @CommandHandler
    long handle(RemoveTeamMemberCommand command) {
        roster.requireVisible(command.caller());
        Team team = roster.requireTeam(command.teamId());
        requireTeamMember(team, command.userId());
        if (!command.userId().equals(command.caller().userId())) {
            roster.requireTeamManager(command.caller(), command.teamId());
        }
        apply(new TeamMemberRemovedEvent(roster.tenantId(), team.id, command.userId()));
        return AggregateLifecycle.getVersion();
    }

    static void requireFreeName(Roster roster, String name, String exceptTeamId) {
        roster.teamNamed(name).filter(other -> !other.id.equals(exceptTeamId)).ifPresent(other -> {
            throw DomainRefusal.conflict("team_name_taken", "This tenant already has a team named '" + name + "'.");
        });
    }

    private static Seat<TeamRole> requireTeamMember(Team team, String userId) {
        Seat<TeamRole> seat = userId == null ? null : team.members.get(userId);
        if (seat == null) {
            throw DomainRefusal.notFound("team_member_not_found", "User " + userId + " is not in this team.");
        }
        return seat;
    }

    private static void requireRole(TeamRole role) {
        if (role == null) {
            throw DomainRefusal.invalid("invalid_role", "A team role is LEAD or MEMBER.");
        }
    }

    static String checkedName(String name) {
        if (name == null || name.isBlank() || name.trim().length() > NAME_MAX) {
            throw DomainRefusal.invalid("invalid_team_name", "A team name is 1 to " + NAME_MAX + " characters.");
        }
        return name.trim();
    }

    private static void checkDescription(String description) {
        if (description != null && description.length() > DESCRIPTION_MAX) {
            throw DomainRefusal.invalid(
                    "invalid_team_description", "A team description is at most " + DESCRIPTION_MAX + " characters.");
        }
    }

    private TeamView view(String teamId) {
        Team team = roster.team(teamId);
        return new TeamView(
                roster.tenantId(),
                team.id,
                team.name,
                team.description,
                team.members.size(),
                team.createdAt,
                team.updatedAt,
                team.version);
    }

    private TeamMemberView memberView(String teamId, String userId) {
        Seat<TeamRole> seat = roster.team(teamId).members.get(userId);
        return new TeamMemberView(
                roster.tenantId(), teamId, userId, seat.role, seat.joinedAt, seat.updatedAt, seat.version);
    }

    @EventSourcingHandler
    void on(TeamCreatedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        roster.teamCreated(event.teamId(), event.name(), event.description(), at, version);
    }

    @EventSourcingHandler
    void on(TeamUpdatedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        roster.teamUpdated(event.teamId(), event.name(), event.description(), at, version);
    }

    @EventSourcingHandler
    void on(TeamDeletedEvent event) {
        roster.teamDeleted(event.teamId());
    }

    @EventSourcingHandler
    void on(TeamMemberAddedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        roster.joinTeam(event.teamId(), event.userId(), event.role(), at, version);
    }

    @EventSourcingHandler
    void on(TeamMemberRoleChangedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        roster.changeTeamRole(event.teamId(), event.userId(), event.role(), at, version);
    }

    @EventSourcingHandler
    void on(TeamMemberRemovedEvent event) {
        roster.leaveTeam(event.teamId(), event.userId());
    }
}
