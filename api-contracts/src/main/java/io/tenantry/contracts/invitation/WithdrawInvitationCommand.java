package io.tenantry.contracts.invitation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** To the invitation: it is revoked, if still pending. */
public record WithdrawInvitationCommand(
        @TargetAggregateIdentifier String invitationId, String tenantId, String revokedBy) {}
