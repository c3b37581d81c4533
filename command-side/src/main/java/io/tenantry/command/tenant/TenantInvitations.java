package io.tenantry.command.tenant;

import static io.tenantry.contracts.tenant.MemberRole.OWNER;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.invitation.AdmitInviteeCommand;
import io.tenantry.contracts.invitation.HoldInvitationSeatCommand;
import io.tenantry.contracts.invitation.InvitationStatus;
import io.tenantry.contracts.invitation.ReleaseInvitationSeatCommand;
import io.tenantry.contracts.lead.LeadPrincipal;
import io.tenantry.contracts.plan.PlanCatalogue;
import io.tenantry.contracts.tenant.InvitationClosedEvent;
import io.tenantry.contracts.tenant.MemberAddedEvent;
import io.tenantry.contracts.tenant.MemberInvitedEvent;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.MemberView;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The tenant's side of invitations, as an entity of the Tenant aggregate: the seats it holds for pending invitations.
 * A held seat counts against the plan's member limit like a member does, so a tenant cannot invite past its plan; it
 * becomes a membership when the invitation is accepted, and is freed when it is revoked or expires (a deadline of its
 * own, at the invitation's expiry). Who was invited is the Invitation aggregate's business.
 */
class TenantInvitations {

    static final String SEAT_EXPIRY_DEADLINE = "invitation-seat-expiry";

    private final Roster roster;

    TenantInvitations(Roster roster) {
        this.roster = roster;
    }

    /** Called by the Tenant, which answers with its name. */
    void hold(HoldInvitationSeatCommand command, PlanCatalogue plans, DeadlineManager deadlines) {
        roster.requireManager(command.caller());
        if (command.role() == null) {
            throw DomainRefusal.invalid("invalid_role", "An invitation's role is OWNER, ADMIN or MEMBER.");
        }
        if (command.role() == OWNER) {
            roster.requireOwnerInPerson(command.caller(), "Only an OWNER invites an OWNER.");
        }
        if (command.invitationId() == null || command.expiresAt() == null) {
            throw DomainRefusal.invalid("invalid_invitation", "An invitation needs an id and an expiry.");
        }
        if (roster.heldSeat(command.invitationId()) != null) {
            throw DomainRefusal.conflict(
                    "invitation_exists", "This tenant already has invitation " + command.invitationId() + ".");
        }
        TenantPlan.requireRoomForMember(roster, plans);
        apply(new MemberInvitedEvent(
                roster.tenantId(),
                command.invitationId(),
                command.role(),
                command.caller().userId(),
                command.expiresAt()));
        deadlines.schedule(
                command.expiresAt(), SEAT_EXPIRY_DEADLINE, new InvitationSeatExpiryDue(command.invitationId()));
    }

    /**
     * The user who accepted the invitation takes its seat, with the invited role. When a lead's placeholder OWNER
     * invited them (the OWNER invitation a lead gets when it onboards), they take the placeholder's seat over: the
     * placeholder leaves the tenant and its teams in the same step.
     */
    @CommandHandler
    MemberView handle(AdmitInviteeCommand command) {
        if (!roster.live()) {
            throw TenantRefusals.notFound(roster.tenantId());
        }
        HeldSeat seat = roster.heldSeat(command.invitationId());
        if (seat == null) {
            throw DomainRefusal.conflict("invitation_expired", "This invitation has expired; ask for a new one.");
        }
        if (roster.isMember(command.userId())) {
            throw DomainRefusal.conflict("already_member", "You are already a member of this tenant.");
        }
        apply(new InvitationClosedEvent(roster.tenantId(), command.invitationId(), InvitationStatus.ACCEPTED));
        apply(new MemberAddedEvent(roster.tenantId(), command.userId(), seat.role()));
        if (LeadPrincipal.isLead(seat.invitedBy()) && seat.role() == OWNER && roster.isMember(seat.invitedBy())) {
            TenantMembership.remove(roster, seat.invitedBy(), false);
        }
        Seat<MemberRole> member = roster.member(command.userId());
        return new MemberView(
                roster.tenantId(), command.userId(), member.role, member.joinedAt, member.updatedAt, member.version);
    }

    /** Frees the seat of an invitation being revoked, by an OWNER or ADMIN. */
    @CommandHandler
    void handle(ReleaseInvitationSeatCommand command) {
        roster.requireManager(command.caller());
        if (roster.heldSeat(command.invitationId()) == null) {
            throw DomainRefusal.notFound(
                    "invitation_not_found", "This tenant has no pending invitation " + command.invitationId() + ".");
        }
        apply(new InvitationClosedEvent(roster.tenantId(), command.invitationId(), InvitationStatus.REVOKED));
    }

    /** The invitation's expiry came with its seat still held: the seat is freed. */
    void expire(InvitationSeatExpiryDue due) {
        if (roster.heldSeat(due.invitationId()) != null) {
            apply(new InvitationClosedEvent(roster.tenantId(), due.invitationId(), InvitationStatus.EXPIRED));
        }
    }

    @EventSourcingHandler
    void on(MemberInvitedEvent event) {
        roster.seatHeld(event.invitationId(), new HeldSeat(event.role(), event.invitedBy(), event.expiresAt()));
    }

    @EventSourcingHandler
    void on(InvitationClosedEvent event) {
        roster.seatReleased(event.invitationId());
    }
}
