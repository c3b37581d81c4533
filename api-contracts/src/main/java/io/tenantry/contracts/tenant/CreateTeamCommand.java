package io.tenantry.contracts.tenant;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Form a team (OWNER or ADMIN); its name is unique in the tenant; within the plan's team limit. */
public record CreateTeamCommand(
        @TargetAggregateIdentifier String tenantId, Caller caller, String teamId, String name, String description) {}
