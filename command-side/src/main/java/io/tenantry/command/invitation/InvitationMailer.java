package io.tenantry.command.invitation;

import io.tenantry.contracts.tenant.MemberRole;
import java.time.Instant;

/** Sends an invitee the link to accept. Implementations never log the token. */
public interface InvitationMailer {

    /**
     * Sends the accept link carrying {@code token} to {@code email}.
     *
     * @throws RuntimeException when the message could not be handed over for delivery
     */
    void sendInvitation(
            String email, String tenantName, MemberRole role, String invitationId, String token, Instant expiresAt);
}
