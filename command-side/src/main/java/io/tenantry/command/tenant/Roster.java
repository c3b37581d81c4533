package io.tenantry.command.tenant;

import static io.tenantry.contracts.tenant.MemberRole.ADMIN;
import static io.tenantry.contracts.tenant.MemberRole.OWNER;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.entitlement.EffectiveEntitlement;
import io.tenantry.contracts.entitlement.Entitlement;
import io.tenantry.contracts.entitlement.EntitlementOverride;
import io.tenantry.contracts.entitlement.Entitlements;
import io.tenantry.contracts.plan.Plan;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.TeamRole;
import io.tenantry.contracts.tenant.TenantStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * Who is in a tenant and in which of its teams, its plan and its status, and the access rules that follow from them.
 * Shared by the Tenant aggregate and its entities ({@link TenantMembership}, {@link TenantTeams},
 * {@link TenantInvitations}, {@link TenantPlan}, {@link TenantProvisioning}); its fields are its own, changed only
 * through the methods named after what happened, each called from one entity's event-sourcing handler. Strangers
 * learn nothing (404); members without the role get 403; partner-admins may act.
 */
final class Roster {

    private String tenantId;
    private TenantStatus status;
    private String planId;
    private final Map<String, Seat<MemberRole>> members = new LinkedHashMap<>();
    private final Map<String, Team> teams = new LinkedHashMap<>();
    private final Map<String, HeldSeat> invitations = new LinkedHashMap<>();
    private final Map<String, EntitlementOverride> overrides = new TreeMap<>();
    private final Map<String, Long> overrideSequences = new TreeMap<>();

    // what the tenant's events change, each from one entity's event-sourcing handler

    void created(String id, String plan) {
        tenantId = id;
        planId = plan;
    }

    void planChanged(String plan) {
        planId = plan;
    }

    void overrideSet(EntitlementOverride override, long sequence) {
        overrides.put(override.key(), override);
        overrideSequences.put(override.key(), sequence);
    }

    void overrideEnded(String key) {
        overrides.remove(key);
        overrideSequences.remove(key);
    }

    /** The sequence number of the event that set the override of {@code key} that holds; -1 for none. */
    long overrideSequence(String key) {
        return overrideSequences.getOrDefault(key, -1L);
    }

    void join(String userId, MemberRole role, Instant at, long version) {
        members.put(userId, new Seat<>(role, at, version));
    }

    void changeRole(String userId, MemberRole role, Instant at, long version) {
        members.get(userId).change(role, at, version);
    }

    void leave(String userId) {
        members.remove(userId);
    }

    void suspend(String userId, boolean suspended, Instant at, long version) {
        members.get(userId).suspended(suspended, at, version);
    }

    /**
     * A provisioned member bound to a person: the seat of {@code fromUserId} is {@code toUserId}'s from now on, in the
     * tenant and in its teams; where the person already has a seat, it keeps its own and the other goes.
     */
    void rebind(String fromUserId, String toUserId) {
        Seat<MemberRole> seat = members.remove(fromUserId);
        if (seat != null && !members.containsKey(toUserId)) {
            members.put(toUserId, seat);
        }
        for (Team team : teams.values()) {
            Seat<TeamRole> teamSeat = team.members.remove(fromUserId);
            if (teamSeat != null && !team.members.containsKey(toUserId)) {
                team.members.put(toUserId, teamSeat);
            }
        }
    }

    void transferOwnership(String fromUserId, String toUserId, Instant at, long version) {
        changeRole(toUserId, OWNER, at, version);
        changeRole(fromUserId, ADMIN, at, version);
    }

    void teamCreated(String teamId, String name, String description, Instant at, long version) {
        teams.put(teamId, new Team(teamId, name, description, at, version));
    }

    void teamUpdated(String teamId, String name, String description, Instant at, long version) {
        Team team = teams.get(teamId);
        team.name = name;
        team.description = description;
        team.updatedAt = at;
        team.version = version;
    }

    void teamDeleted(String teamId) {
        teams.remove(teamId);
    }

    void joinTeam(String teamId, String userId, TeamRole role, Instant at, long version) {
        teams.get(teamId).members.put(userId, new Seat<>(role, at, version));
    }

    void changeTeamRole(String teamId, String userId, TeamRole role, Instant at, long version) {
        teams.get(teamId).members.get(userId).change(role, at, version);
    }

    void leaveTeam(String teamId, String userId) {
        teams.get(teamId).members.remove(userId);
    }

    void seatHeld(String invitationId, HeldSeat seat) {
        invitations.put(invitationId, seat);
    }

    void seatReleased(String invitationId) {
        invitations.remove(invitationId);
    }

    // what the entities read

    String tenantId() {
        return tenantId;
    }

    String planId() {
        return planId;
    }

    /** The time on the events' clock: what an event applied now is stamped with (a test fixture's, in tests). */
    static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    Optional<EntitlementOverride> override(String key) {
        return Optional.ofNullable(overrides.get(key));
    }

    /** What the tenant is entitled to at {@code at} on {@code plan}: the plan's, with its overrides that hold. */
    Map<String, EffectiveEntitlement> entitlements(Plan plan, Instant at) {
        return Entitlements.effective(plan, overrides.values(), at);
    }

    /** The number a limit of {@code plan} allows this tenant now: its override's where one holds, else the plan's. */
    long limit(Plan plan, String key) {
        EntitlementOverride override = overrides.get(key);
        if (override != null && override.holdsAt(now())) {
            return override.value();
        }
        return plan.entitlement(key).map(Entitlement::value).orElse(0L);
    }

    boolean isMember(String userId) {
        return userId != null && members.containsKey(userId);
    }

    /** The member's seat, or {@code null}. */
    Seat<MemberRole> member(String userId) {
        return userId == null ? null : members.get(userId);
    }

    /** The team, or {@code null}. */
    Team team(String teamId) {
        return teamId == null ? null : teams.get(teamId);
    }

    int teamCount() {
        return teams.size();
    }

    int memberCount() {
        return members.size();
    }

    int heldSeatCount() {
        return invitations.size();
    }

    /** The ids of the teams the user is in. */
    List<String> teamsOf(String userId) {
        return teams.values().stream()
                .filter(team -> team.members.containsKey(userId))
                .map(team -> team.id)
                .toList();
    }

    /** The seat held for a pending invitation, or {@code null}. */
    HeldSeat heldSeat(String invitationId) {
        return invitationId == null ? null : invitations.get(invitationId);
    }

    /** The tenant's status: the one place it is kept (the Tenant's events set it). */
    TenantStatus status() {
        return status;
    }

    void status(TenantStatus next) {
        status = next;
    }

    /** Created and not deleted. */
    boolean live() {
        return status != null && status != TenantStatus.DELETED;
    }

    /** A deleted tenant is not found, as an unknown one. */
    void requireLive() {
        if (status == TenantStatus.DELETED) {
            throw TenantRefusals.notFound(tenantId);
        }
    }

    /** A live tenant, a caller who may manage it (OWNER, ADMIN or partner-admin), and the version it was read at. */
    void requireManagerAt(Caller caller, Long expectedVersion) {
        requireLive();
        requireManager(caller);
        requireVersion(expectedVersion);
    }

    /** {@code If-Match}: the change was decided on this version; anything newer means someone changed it since. */
    void requireVersion(Long expected) {
        Long current = AggregateLifecycle.getVersion();
        if (expected != null && !expected.equals(current)) {
            throw new DomainRefusal(
                    DomainRefusal.Kind.PRECONDITION_FAILED,
                    "version_mismatch",
                    "Tenant " + tenantId + " is at version " + current + ", not " + expected
                            + ": read it again, then retry the change.");
        }
    }

    /** A live tenant in one of the {@code allowed} statuses; otherwise the {@code action} is refused (409). */
    void requireStatus(String action, String allowedText, TenantStatus... allowed) {
        requireLive();
        for (TenantStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw TenantRefusals.transition(action, status, allowedText);
    }

    /**
     * The caller's role here: a member's own (none while its membership is suspended), ADMIN for one of the tenant's
     * API keys, else none.
     */
    MemberRole roleOf(Caller caller) {
        Seat<MemberRole> seat = caller.userId() == null ? null : members.get(caller.userId());
        return caller.roleIn(tenantId, seat == null || seat.suspended ? null : seat.role);
    }

    MemberRole roleOf(String userId) {
        Seat<MemberRole> seat = userId == null ? null : members.get(userId);
        return seat == null ? null : seat.role;
    }

    Optional<Team> teamNamed(String name) {
        return teams.values().stream()
                .filter(team -> team.name.equalsIgnoreCase(name))
                .findFirst();
    }

    /** A live tenant the caller belongs to (any, for partner-admin); otherwise it is not found, as for strangers. */
    void requireVisible(Caller caller) {
        if (caller == null) {
            throw DomainRefusal.forbidden("caller_required", "This change needs to know who asks for it.");
        }
        if (!live() || (!caller.isPartnerAdmin() && roleOf(caller) == null)) {
            throw TenantRefusals.notFound(tenantId);
        }
    }

    /** OWNER, ADMIN or partner-admin. */
    void requireManager(Caller caller) {
        requireVisible(caller);
        MemberRole role = roleOf(caller);
        if (!caller.isPartnerAdmin() && role != OWNER && role != ADMIN) {
            throw DomainRefusal.forbidden(
                    "insufficient_role",
                    "Your role in this tenant (" + role + ") does not allow this; it takes OWNER or ADMIN.");
        }
    }

    /** OWNER or partner-admin. */
    void requireOwner(Caller caller, String why) {
        requireVisible(caller);
        if (!caller.isPartnerAdmin() && roleOf(caller) != OWNER) {
            throw DomainRefusal.forbidden("insufficient_role", why);
        }
    }

    /** OWNER or partner-admin, in person: whoever acts as a member (impersonation) does not change its owners. */
    void requireOwnerInPerson(Caller caller, String why) {
        if (caller.impersonated()) {
            throw DomainRefusal.forbidden("impersonated", "Acting as a member, you cannot change the owners.");
        }
        requireOwner(caller, why);
    }

    /** OWNER, ADMIN, the team's LEAD, or partner-admin; answers the team. */
    Team requireTeamManager(Caller caller, String teamId) {
        requireVisible(caller);
        Team team = requireTeam(teamId);
        MemberRole role = roleOf(caller);
        Seat<TeamRole> seat = team.members.get(caller.userId());
        if (!caller.isPartnerAdmin()
                && role != OWNER
                && role != ADMIN
                && (seat == null || seat.role != TeamRole.LEAD)) {
            throw DomainRefusal.forbidden(
                    "insufficient_role", "Only an OWNER, an ADMIN or the team's LEAD may do this.");
        }
        return team;
    }

    Seat<MemberRole> requireMember(String userId) {
        Seat<MemberRole> seat = userId == null ? null : members.get(userId);
        if (seat == null) {
            throw DomainRefusal.notFound("member_not_found", "User " + userId + " is not a member of this tenant.");
        }
        return seat;
    }

    Team requireTeam(String teamId) {
        Team team = teamId == null ? null : teams.get(teamId);
        if (team == null) {
            throw DomainRefusal.notFound("team_not_found", "This tenant has no team " + teamId + ".");
        }
        return team;
    }

    /**
     * The last OWNER in force stays one: neither removed, nor demoted, nor leaving, nor suspended (a suspended OWNER
     * is no OWNER anyone can act as).
     */
    void requireNotLastOwner(String userId, MemberRole role, String what) {
        long owners = members.values().stream()
                .filter(seat -> seat.role == OWNER && !seat.suspended)
                .count();
        Seat<MemberRole> target = members.get(userId);
        boolean inForce = target == null || !target.suspended;
        if (role == OWNER && inForce && owners <= 1) {
            throw DomainRefusal.conflict(
                    "last_owner",
                    "User " + userId + " is the last OWNER of this tenant and cannot " + what
                            + ": make another member OWNER first, or transfer ownership.");
        }
    }
}
