package io.tenantry.contracts.invitation;

import io.tenantry.contracts.tenant.MemberRole;
import java.time.Instant;

/** An invitation as the read model shows it, with its tenant's name. */
public record InvitationView(
        String id,
        String tenantId,
        String tenantName,
        String email,
        MemberRole role,
        String invitedBy,
        InvitationStatus status,
        Instant expiresAt,
        Instant createdAt) {

    @Override
    public String toString() {
        return "InvitationView[id=" + id + ", tenantId=" + tenantId + ", role=" + role + ", status=" + status
                + ", ***]";
    }
}
