package io.tenantry.contracts.tenant;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Rename or describe a team ({@code null}: unchanged): OWNER, ADMIN or the team's LEAD. */
public record UpdateTeamCommand(
        @TargetAggregateIdentifier String tenantId, Caller caller, String teamId, String name, String description) {}
