package io.tenantry.contracts.invitation;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.tenant.MemberRole;
import java.time.Instant;

/**
 * Invite {@code email} to a tenant with a role until {@code expiresAt}, in one transaction: the tenant holds a seat
 * for the invitee (checking the caller's role and the plan's member limit), and the invitation is created (checking
 * that the address is neither a member's nor already invited). Answers an {@link IssuedInvitation}.
 */
public record InviteMemberCommand(
        String tenantId,
        String invitationId,
        String email,
        MemberRole role,
        Instant expiresAt,
        String tokenHash,
        Caller caller) {

    @Override
    public String toString() {
        return "InviteMemberCommand[tenantId=" + tenantId + ", invitationId=" + invitationId + ", role=" + role
                + ", ***]";
    }
}
