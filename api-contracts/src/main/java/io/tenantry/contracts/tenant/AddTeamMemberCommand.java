package io.tenantry.contracts.tenant;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Put a tenant member in a team: OWNER, ADMIN or the team's LEAD. */
public record AddTeamMemberCommand(
        @TargetAggregateIdentifier String tenantId, Caller caller, String teamId, String userId, TeamRole role) {}
