package io.tenantry.contracts.invitation;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** To the tenant: free the seat held for a pending invitation that is being revoked (OWNER or ADMIN only). */
public record ReleaseInvitationSeatCommand(
        @TargetAggregateIdentifier String tenantId, String invitationId, Caller caller) {}
