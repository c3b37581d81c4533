package io.tenantry.command.tenant;

import static io.tenantry.contracts.tenant.MemberRole.OWNER;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.plan.PlanCatalogue;
import io.tenantry.contracts.tenant.AddMemberCommand;
import io.tenantry.contracts.tenant.ChangeMemberRoleCommand;
import io.tenantry.contracts.tenant.MemberAddedEvent;
import io.tenantry.contracts.tenant.MemberReactivatedEvent;
import io.tenantry.contracts.tenant.MemberRemovedEvent;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.MemberRoleChangedEvent;
import io.tenantry.contracts.tenant.MemberSuspendedEvent;
import io.tenantry.contracts.tenant.MemberView;
import io.tenantry.contracts.tenant.OwnershipTransferredEvent;
import io.tenantry.contracts.tenant.RemoveMemberCommand;
import io.tenantry.contracts.tenant.TeamMemberRemovedEvent;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import io.tenantry.contracts.tenant.TransferOwnershipCommand;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * A tenant's members, as an entity of the Tenant aggregate: joining, roles, leaving, and handing over ownership.
 * Only an OWNER makes or demotes an OWNER, and the last OWNER stays one. Removing a member takes it out of every
 * team in the same step.
 */
class TenantMembership {

    private final Roster roster;

    TenantMembership(Roster roster) {
        this.roster = roster;
    }

    @CommandHandler
    MemberView handle(AddMemberCommand command, PlanCatalogue plans) {
        roster.requireManager(command.caller());
        if (command.userId() == null || command.userId().isBlank()) {
            throw DomainRefusal.invalid("user_id_required", "Say which user to add (userId).");
        }
        requireRole(command.role());
        if (command.role() == OWNER) {
            roster.requireOwnerInPerson(command.caller(), "Only an OWNER adds an OWNER.");
        }
        if (roster.isMember(command.userId())) {
            throw DomainRefusal.conflict(
                    "already_member", "User " + command.userId() + " is already a member of this tenant.");
        }
        TenantPlan.requireRoomForMember(roster, plans);
        apply(new MemberAddedEvent(roster.tenantId(), command.userId(), command.role()));
        return view(command.userId());
    }

    @CommandHandler
    MemberView handle(ChangeMemberRoleCommand command) {
        roster.requireManager(command.caller());
        requireRole(command.role());
        Seat<MemberRole> target = roster.requireMember(command.userId());
        if (target.role != command.role()) {
            if (target.role == OWNER || command.role() == OWNER) {
                roster.requireOwnerInPerson(command.caller(), "Only an OWNER makes or demotes an OWNER.");
            }
            roster.requireNotLastOwner(command.userId(), target.role, "be demoted");
            apply(new MemberRoleChangedEvent(roster.tenantId(), command.userId(), target.role, command.role()));
        }
        return view(command.userId());
    }

    /** Removes a member, or lets a member leave; answers the tenant's new version. */
    @CommandHandler
    long handle(RemoveMemberCommand command) {
        Caller caller = command.caller();
        roster.requireVisible(caller);
        boolean leaving = command.userId() != null && command.userId().equals(caller.userId());
        Seat<MemberRole> target = roster.requireMember(command.userId());
        if (!leaving) {
            roster.requireManager(caller);
            if (target.role == OWNER) {
                roster.requireOwnerInPerson(caller, "Only an OWNER removes an OWNER.");
            }
        }
        roster.requireNotLastOwner(command.userId(), target.role, leaving ? "leave" : "be removed");
        remove(roster, command.userId(), leaving);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    MemberView handle(TransferOwnershipCommand command) {
        roster.requireVisible(command.caller());
        if (command.caller().impersonated()) {
            throw DomainRefusal.forbidden("impersonated", "Acting as a member, you cannot change the owners.");
        }
        if (roster.roleOf(command.caller()) != OWNER) {
            throw DomainRefusal.forbidden("insufficient_role", "Only an OWNER hands over ownership.");
        }
        if (command.caller().userId().equals(command.toUserId())) {
            throw DomainRefusal.conflict("transfer_to_self", "You already own this tenant; name another member.");
        }
        if (!roster.isMember(command.toUserId())) {
            throw DomainRefusal.conflict(
                    "not_a_member",
                    "Ownership goes to a member of the tenant only; " + command.toUserId() + " is not one.");
        }
        apply(new OwnershipTransferredEvent(roster.tenantId(), command.caller().userId(), command.toUserId()));
        return view(command.toUserId());
    }

    /** Takes a member out of every team, then out of the tenant, in one step. */
    static void remove(Roster roster, String userId, boolean left) {
        roster.teamsOf(userId).forEach(teamId -> apply(new TeamMemberRemovedEvent(roster.tenantId(), teamId, userId)));
        apply(new MemberRemovedEvent(roster.tenantId(), userId, left));
    }

    private static void requireRole(MemberRole role) {
        if (role == null) {
            throw DomainRefusal.invalid("invalid_role", "A member's role is OWNER, ADMIN or MEMBER.");
        }
    }

    private MemberView view(String userId) {
        Seat<MemberRole> seat = roster.member(userId);
        return new MemberView(
                roster.tenantId(), userId, seat.role, seat.joinedAt, seat.updatedAt, seat.version, seat.suspended);
    }

    @EventSourcingHandler
    void on(TenantCreatedEvent event) {
        roster.created(event.tenantId(), event.planId());
    }

    @EventSourcingHandler
    void on(MemberAddedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        roster.join(event.userId(), event.role(), at, version);
    }

    @EventSourcingHandler
    void on(MemberRoleChangedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        roster.changeRole(event.userId(), event.role(), at, version);
    }

    @EventSourcingHandler
    void on(MemberRemovedEvent event) {
        roster.leave(event.userId());
    }

    @EventSourcingHandler
    void on(MemberSuspendedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        roster.suspend(event.userId(), true, at, version);
    }

    @EventSourcingHandler
    void on(MemberReactivatedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        roster.suspend(event.userId(), false, at, version);
    }

    @EventSourcingHandler
    void on(OwnershipTransferredEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        roster.transferOwnership(event.fromUserId(), event.toUserId(), at, version);
    }
}
