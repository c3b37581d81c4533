package io.tenantry.contracts.invitation;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.tenant.MemberRole;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * To the tenant: keep a member's seat for an invitation until it is accepted, revoked or expires. Only an OWNER or
 * ADMIN invites, only an OWNER invites an OWNER, and members plus held seats stay within the plan. Answers an
 * {@link InvitationSeat}.
 */
public record HoldInvitationSeatCommand(
        @TargetAggregateIdentifier String tenantId,
        String invitationId,
        MemberRole role,
        Instant expiresAt,
        Caller caller) {}
