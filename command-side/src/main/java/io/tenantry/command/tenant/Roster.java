package io.tenantry.command.tenant;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.plan.Plan;
import io.tenantry.contracts.plan.PlanCatalogue;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.TeamRole;
import io.tenantry.contracts.tenant.TenantStatus;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToIntFunction;

import static io.tenantry.contracts.tenant.MemberRole.ADMIN;
import static io.tenantry.contracts.tenant.MemberRole.OWNER;

/**
 * Who is in a tenant and in which of its teams, and the access rules that follow from it. Shared by the Tenant
 * aggregate's {@link TenantMembership} and {@link TenantTeams} entities; each event changes it in one entity only.
 * Strangers learn nothing (404); members without the role get 403; partner-admins may act.
 */
final class Roster {

    /** A membership (of the tenant, or of a team) with when it began and last changed. */
    static final class Seat<R> {
        R role;
        final Instant joinedAt;
        Instant updatedAt;
        long version;

        Seat(R role, Instant at, long version) {
            this.role = role;
            this.joinedAt = at;
            this.updatedAt = at;
            this.version = version;
        }

        void change(R newRole, Instant at, long newVersion) {
            role = newRole;
            updatedAt = at;
            version = newVersion;
        }

        // value equality: Axon's test fixture compares the state it built with the state events rebuild
        @Override
        public boolean equals(Object other) {
            return other instanceof Seat<?> seat && Objects.equals(role, seat.role) && joinedAt.equals(seat.joinedAt)
                    && updatedAt.equals(seat.updatedAt) && version == seat.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(role, joinedAt, updatedAt, version);
        }
    }

    /** A team and its members. */
    static final class Team {
        final String id;
        String name;
        String description;
        final Instant createdAt;
        Instant updatedAt;
        long version;
        final Map<String, Seat<TeamRole>> members = new LinkedHashMap<>();

        Team(String id, String name, String description, Instant at, long version) {
            this.id = id;
            this.name = name;
            this.description = description;
            this.createdAt = at;
            this.updatedAt = at;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Team team && id.equals(team.id) && name.equals(team.name)
                    && Objects.equals(description, team.description) && createdAt.equals(team.createdAt)
                    && updatedAt.equals(team.updatedAt) && version == team.version && members.equals(team.members);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, name, description, createdAt, updatedAt, version, members);
        }
    }

    /** A member's seat kept for a pending invitation, until it is accepted, revoked or expires. */
    record HeldSeat(MemberRole role, String invitedBy, Instant expiresAt) {
    }

    String tenantId;
    private TenantStatus status;
    String planId;
    final Map<String, Seat<MemberRole>> members = new LinkedHashMap<>();
    final Map<String, Team> teams = new LinkedHashMap<>();
    final Map<String, HeldSeat> invitations = new LinkedHashMap<>();

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

    MemberRole roleOf(String userId) {
        Seat<MemberRole> seat = userId == null ? null : members.get(userId);
        return seat == null ? null : seat.role;
    }

    Optional<Team> teamNamed(String name) {
        return teams.values().stream().filter(team -> team.name.equalsIgnoreCase(name)).findFirst();
    }

    /** A live tenant the caller belongs to (any, for partner-admin); otherwise it is not found, as for strangers. */
    void requireVisible(Caller caller) {
        if (caller == null) {
            throw DomainRefusal.forbidden("caller_required", "This change needs to know who asks for it.");
        }
        if (!live() || (!caller.isPartnerAdmin() && roleOf(caller.userId()) == null)) {
            throw TenantRefusals.notFound(tenantId);
        }
    }

    /** OWNER, ADMIN or partner-admin. */
    void requireManager(Caller caller) {
        requireVisible(caller);
        MemberRole role = roleOf(caller.userId());
        if (!caller.isPartnerAdmin() && role != OWNER && role != ADMIN) {
            throw DomainRefusal.forbidden("insufficient_role",
                    "Your role in this tenant (" + role + ") does not allow this; it takes OWNER or ADMIN.");
        }
    }

    /** OWNER or partner-admin. */
    void requireOwner(Caller caller, String why) {
        requireVisible(caller);
        if (!caller.isPartnerAdmin() && roleOf(caller.userId()) != OWNER) {
            throw DomainRefusal.forbidden("insufficient_role", why);
        }
    }

    /** OWNER, ADMIN, the team's LEAD, or partner-admin; answers the team. */
    Team requireTeamManager(Caller caller, String teamId) {
        requireVisible(caller);
        Team team = requireTeam(teamId);
        MemberRole role = roleOf(caller.userId());
        Seat<TeamRole> seat = team.members.get(caller.userId());
        if (!caller.isPartnerAdmin() && role != OWNER && role != ADMIN && (seat == null || seat.role != TeamRole.LEAD)) {
            throw DomainRefusal.forbidden("insufficient_role", "Only an OWNER, an ADMIN or the team's LEAD may do this.");
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

    /** The last OWNER stays one: neither removed, nor demoted, nor leaving. */
    void requireNotLastOwner(String userId, MemberRole role, String what) {
        long owners = members.values().stream().filter(seat -> seat.role == OWNER).count();
        if (role == OWNER && owners == 1) {
            throw DomainRefusal.conflict("last_owner", "User " + userId + " is the last OWNER of this tenant and cannot "
                    + what + ": make another member OWNER first, or transfer ownership.");
        }
    }

    /** Room for one more member under the plan: members and seats held for pending invitations both count. */
    void requireRoomForMember(PlanCatalogue plans) {
        int held = invitations.size();
        requireRoom(plans, "members", members.size() + held, Plan::maxMembers,
                held == 0 ? "" : " (" + members.size() + " members and " + held + " pending invitations)");
    }

    /** Whether the tenant, as it is, fits in {@code plan}: a smaller plan cannot leave members or teams over its limits. */
    void requireFits(Plan plan) {
        int seats = members.size() + invitations.size();
        if (seats > plan.maxMembers() || teams.size() > plan.maxTeams()) {
            throw new DomainRefusal(DomainRefusal.Kind.CONFLICT, "plan_too_small",
                    "The " + plan.name() + " plan allows " + plan.maxMembers() + " members and " + plan.maxTeams()
                            + " teams; this tenant has " + members.size() + " members, " + invitations.size()
                            + " pending invitations and " + teams.size() + " teams. Remove some first.",
                    Map.of("planId", plan.id(), "members", members.size(), "pendingInvitations", invitations.size(),
                            "teams", teams.size(), "maxMembers", plan.maxMembers(), "maxTeams", plan.maxTeams()));
        }
    }

    /** Room for one more under the tenant's plan (the default plan while it has none). */
    void requireRoom(PlanCatalogue plans, String what, int current, ToIntFunction<Plan> limitOf) {
        requireRoom(plans, what, current, limitOf, "");
    }

    private void requireRoom(PlanCatalogue plans, String what, int current, ToIntFunction<Plan> limitOf, String breakdown) {
        Plan plan = plans.planOrDefault(planId);
        int limit = limitOf.applyAsInt(plan);
        if (current >= limit) {
            throw new DomainRefusal(DomainRefusal.Kind.CONFLICT, "plan_limit_reached",
                    "The " + plan.name() + " plan allows " + limit + " " + what + "; this tenant has " + current
                            + breakdown + ". Choose a larger plan first.",
                    Map.of("planId", plan.id(), "resource", what, "limit", limit));
        }
    }
}
