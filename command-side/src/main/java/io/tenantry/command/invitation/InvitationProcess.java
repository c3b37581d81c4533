package io.tenantry.command.invitation;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.invitation.AcceptInvitationCommand;
import io.tenantry.contracts.invitation.AcceptedInvitation;
import io.tenantry.contracts.invitation.AdmitInviteeCommand;
import io.tenantry.contracts.invitation.CreateInvitationCommand;
import io.tenantry.contracts.invitation.HoldInvitationSeatCommand;
import io.tenantry.contracts.invitation.InvitationSeat;
import io.tenantry.contracts.invitation.InviteMemberCommand;
import io.tenantry.contracts.invitation.IssuedInvitation;
import io.tenantry.contracts.invitation.RedeemInvitationCommand;
import io.tenantry.contracts.invitation.ReleaseInvitationSeatCommand;
import io.tenantry.contracts.invitation.RevokeInvitationCommand;
import io.tenantry.contracts.invitation.WithdrawInvitationCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Each step of an invitation that touches both the tenant and the invitation runs as one unit of work and one
 * transaction: the commands nest in this handler's, and their events are stored together when it commits. So an
 * invitation never exists without its held seat, a revoke never frees a seat of an invitation still open, and an
 * acceptance makes exactly one membership: a repeat changes nothing, and of an acceptance racing a revoke, another
 * acceptance or the expiry, one commits and the other is undone whole (both append to the same streams).
 * <p>
 * Aggregates stay locked until the unit of work ends, so every step takes them in the same order, the invitation
 * before the tenant; otherwise an acceptance and a revoke could each hold the lock the other waits for.
 */
@Component
class InvitationProcess {

    private final CommandGateway commands;

    InvitationProcess(CommandGateway commands) {
        this.commands = commands;
    }

    @CommandHandler
    IssuedInvitation handle(InviteMemberCommand command) {
        InvitationSeat seat = toTenant(
                command.tenantId(),
                new HoldInvitationSeatCommand(
                        command.tenantId(),
                        command.invitationId(),
                        command.role(),
                        command.expiresAt(),
                        command.caller()));
        commands.sendAndWait(new CreateInvitationCommand(
                command.invitationId(),
                command.tenantId(),
                command.email(),
                command.role(),
                command.caller().userId(),
                command.tokenHash(),
                command.expiresAt()));
        return new IssuedInvitation(
                command.invitationId(),
                command.tenantId(),
                seat.tenantName(),
                command.expiresAt(),
                seat.tenantVersion());
    }

    @CommandHandler
    AcceptedInvitation handle(AcceptInvitationCommand command) {
        RedeemInvitationCommand.Redemption redemption;
        try {
            redemption = commands.sendAndWait(new RedeemInvitationCommand(
                    command.invitationId(),
                    command.tokenHash(),
                    command.caller().userId(),
                    command.caller().verifiedEmail(),
                    command.now()));
        } catch (AggregateNotFoundException e) {
            throw DomainRefusal.notFound(
                    "invitation_not_found", "No invitation with id " + command.invitationId() + ".");
        }
        if (!redemption.repeated()) {
            commands.sendAndWait(new AdmitInviteeCommand(
                    redemption.accepted().tenantId(),
                    command.invitationId(),
                    command.caller().userId()));
        }
        return redemption.accepted();
    }

    /** The caller's right to revoke is the tenant's to decide; a refusal there undoes the withdrawal too. */
    @CommandHandler
    void handle(RevokeInvitationCommand command) {
        try {
            commands.sendAndWait(new WithdrawInvitationCommand(
                    command.invitationId(), command.tenantId(), command.caller().userId()));
        } catch (AggregateNotFoundException e) {
            throw DomainRefusal.notFound(
                    "invitation_not_found", "No invitation with id " + command.invitationId() + ".");
        }
        try {
            toTenant(
                    command.tenantId(),
                    new ReleaseInvitationSeatCommand(command.tenantId(), command.invitationId(), command.caller()));
        } catch (DomainRefusal refusal) {
            // the invitation matched the tenant (checked first, for the lock order): a caller who may not see the
            // tenant must not learn that from it, so it gets what any other tenant or invitation id gets
            if ("tenant_not_found".equals(refusal.code())) {
                throw DomainRefusal.notFound(
                        "invitation_not_found", "No invitation with id " + command.invitationId() + ".");
            }
            throw refusal;
        }
    }

    /** A command to a tenant, which is not found (404 {@code tenant_not_found}) when it never existed. */
    private <R> R toTenant(String tenantId, Object command) {
        try {
            return commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw DomainRefusal.notFound("tenant_not_found", "No tenant with id " + tenantId + ".");
        }
    }
}
