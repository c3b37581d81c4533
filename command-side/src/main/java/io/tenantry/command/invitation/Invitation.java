package io.tenantry.command.invitation;

import static io.tenantry.contracts.invitation.InvitationStatus.ACCEPTED;
import static io.tenantry.contracts.invitation.InvitationStatus.EXPIRED;
import static io.tenantry.contracts.invitation.InvitationStatus.PENDING;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.tenantry.command.EmailAddresses;
import io.tenantry.command.secret.OneTimeSecrets;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.invitation.AcceptedInvitation;
import io.tenantry.contracts.invitation.CreateInvitationCommand;
import io.tenantry.contracts.invitation.InvitationAcceptedEvent;
import io.tenantry.contracts.invitation.InvitationCreatedEvent;
import io.tenantry.contracts.invitation.InvitationExpiredEvent;
import io.tenantry.contracts.invitation.InvitationRevokedEvent;
import io.tenantry.contracts.invitation.InvitationStatus;
import io.tenantry.contracts.invitation.RedeemInvitationCommand;
import io.tenantry.contracts.invitation.WithdrawInvitationCommand;
import io.tenantry.contracts.privacy.Erasure;
import io.tenantry.contracts.tenant.MemberRole;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An invitation to join a tenant: PENDING until it is accepted (once, with the token mailed to the invitee, by a
 * signed-in user whose verified e-mail, if the token carries one, is the invited address), revoked, or expired by its
 * deadline. Only the token's hash is kept.
 */
@Aggregate
public class Invitation {

    static final String EXPIRY_DEADLINE = "invitation-expiry";

    @AggregateIdentifier
    private String invitationId;

    private String tenantId;
    private String email;
    private MemberRole role;
    private String tokenHash;
    private Instant expiresAt;
    private InvitationStatus status;
    private String acceptedBy;

    protected Invitation() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public String handle(CreateInvitationCommand command, DeadlineManager deadlines) {
        if (!EmailAddresses.isValid(command.email())) {
            throw DomainRefusal.invalid("invalid_email", "An invitation needs a valid e-mail address.");
        }
        if (command.role() == null) {
            throw DomainRefusal.invalid("invalid_role", "An invitation's role is OWNER, ADMIN or MEMBER.");
        }
        if (command.tenantId() == null
                || command.tokenHash() == null
                || command.tokenHash().isBlank()
                || command.expiresAt() == null) {
            throw DomainRefusal.invalid("invalid_invitation", "An invitation needs its tenant, token and expiry.");
        }
        apply(new InvitationCreatedEvent(
                command.invitationId(),
                command.tenantId(),
                command.email().trim(),
                command.role(),
                command.invitedBy(),
                command.tokenHash(),
                command.expiresAt()));
        deadlines.schedule(command.expiresAt(), EXPIRY_DEADLINE);
        return command.invitationId();
    }

    /**
     * Accepts for the caller; the same user accepting again with the same token gets the same answer and changes
     * nothing. Anyone else finds it no longer open.
     */
    @CommandHandler
    public RedeemInvitationCommand.Redemption handle(RedeemInvitationCommand command) {
        boolean rightToken = OneTimeSecrets.sameHash(tokenHash, command.tokenHash());
        if (status == ACCEPTED && rightToken && acceptedBy.equals(command.userId())) {
            return new RedeemInvitationCommand.Redemption(accepted(), true);
        }
        if (status == EXPIRED || (status == PENDING && !command.now().isBefore(expiresAt))) {
            throw DomainRefusal.conflict("invitation_expired", "This invitation has expired; ask for a new one.");
        }
        if (status != PENDING) {
            throw notOpen();
        }
        if (!rightToken) {
            throw DomainRefusal.forbidden(
                    "invalid_invitation_token",
                    "That is not this invitation's token; use the link from the invitation e-mail.");
        }
        if (command.verifiedEmail() != null
                && !Erasure.normaliseEmail(command.verifiedEmail()).equals(Erasure.normaliseEmail(email))) {
            throw DomainRefusal.forbidden(
                    "invitation_email_mismatch",
                    "This invitation was sent to another e-mail address than the one you are signed in with.");
        }
        apply(new InvitationAcceptedEvent(invitationId, tenantId, command.userId(), role));
        return new RedeemInvitationCommand.Redemption(accepted(), false);
    }

    @CommandHandler
    public void handle(WithdrawInvitationCommand command) {
        if (status != PENDING || !tenantId.equals(command.tenantId())) {
            throw notOpen();
        }
        apply(new InvitationRevokedEvent(invitationId, tenantId, command.revokedBy()));
    }

    /** Its expiry came: a pending invitation expires; an accepted or revoked one stays as it is. */
    @DeadlineHandler(deadlineName = EXPIRY_DEADLINE)
    void expire() {
        if (status == PENDING) {
            apply(new InvitationExpiredEvent(invitationId, tenantId));
        }
    }

    private AcceptedInvitation accepted() {
        return new AcceptedInvitation(invitationId, tenantId, acceptedBy, role);
    }

    private static DomainRefusal notOpen() {
        return DomainRefusal.notFound(
                "invitation_not_found",
                "No open invitation with this id: it was revoked or accepted, or never existed.");
    }

    @EventSourcingHandler
    void on(InvitationCreatedEvent event) {
        invitationId = event.invitationId();
        tenantId = event.tenantId();
        email = event.email();
        role = event.role();
        tokenHash = event.tokenHash();
        expiresAt = event.expiresAt();
        status = PENDING;
    }

    @EventSourcingHandler
    void on(InvitationAcceptedEvent event) {
        status = ACCEPTED;
        acceptedBy = event.userId();
    }

    @EventSourcingHandler
    void on(InvitationRevokedEvent event) {
        status = InvitationStatus.REVOKED;
    }

    @EventSourcingHandler
    void on(InvitationExpiredEvent event) {
        status = EXPIRED;
    }
}
