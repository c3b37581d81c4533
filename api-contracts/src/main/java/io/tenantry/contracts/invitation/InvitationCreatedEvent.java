package io.tenantry.contracts.invitation;

import io.tenantry.contracts.privacy.DataSubject;
import io.tenantry.contracts.tenant.MemberRole;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Someone was invited to join a tenant with a role, until {@code expiresAt}. Only the hash of the accept token is
 * kept (the token itself went out by e-mail); the address is the invitee's personal data.
 */
@Revision("1")
public record InvitationCreatedEvent(
        String invitationId,
        String tenantId,
        @DataSubject String email,
        MemberRole role,
        String invitedBy,
        String tokenHash,
        Instant expiresAt) {

    @Override
    public String toString() {
        return "InvitationCreatedEvent[invitationId=" + invitationId + ", tenantId=" + tenantId + ", role=" + role
                + ", ***]";
    }
}
