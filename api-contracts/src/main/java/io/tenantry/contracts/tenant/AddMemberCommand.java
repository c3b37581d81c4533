package io.tenantry.contracts.tenant;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a user to a tenant with a role: OWNER or ADMIN (only an OWNER adds an OWNER); within the plan's member limit. */
public record AddMemberCommand(
        @TargetAggregateIdentifier String tenantId, Caller caller, String userId, MemberRole role) {}
