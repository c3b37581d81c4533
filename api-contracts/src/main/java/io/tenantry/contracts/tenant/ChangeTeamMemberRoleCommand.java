package io.tenantry.contracts.tenant;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change a team member's role: OWNER, ADMIN or the team's LEAD. */
public record ChangeTeamMemberRoleCommand(
        @TargetAggregateIdentifier String tenantId, Caller caller, String teamId, String userId, TeamRole role) {}
