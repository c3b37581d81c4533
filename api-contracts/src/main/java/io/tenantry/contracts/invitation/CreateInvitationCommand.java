package io.tenantry.contracts.invitation;

import io.tenantry.contracts.tenant.MemberRole;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create the Invitation aggregate (its seat in the tenant is held in the same transaction). */
public record CreateInvitationCommand(
        @TargetAggregateIdentifier String invitationId,
        String tenantId,
        String email,
        MemberRole role,
        String invitedBy,
        String tokenHash,
        Instant expiresAt) {

    @Override
    public String toString() {
        return "CreateInvitationCommand[invitationId=" + invitationId + ", tenantId=" + tenantId + ", ***]";
    }
}
