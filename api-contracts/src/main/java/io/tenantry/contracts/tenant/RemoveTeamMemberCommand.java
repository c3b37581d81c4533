package io.tenantry.contracts.tenant;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a user out of a team: OWNER, ADMIN, the team's LEAD, or the user itself. */
public record RemoveTeamMemberCommand(
        @TargetAggregateIdentifier String tenantId, Caller caller, String teamId, String userId) {}
