package io.tenantry.contracts.tenant;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change a member's role; only an OWNER makes or demotes an OWNER, and the last OWNER stays one. */
public record ChangeMemberRoleCommand(
        @TargetAggregateIdentifier String tenantId, Caller caller, String userId, MemberRole role) {}
