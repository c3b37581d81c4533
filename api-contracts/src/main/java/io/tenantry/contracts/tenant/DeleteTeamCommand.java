package io.tenantry.contracts.tenant;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Disband a team and its memberships: OWNER or ADMIN. */
public record DeleteTeamCommand(@TargetAggregateIdentifier String tenantId, Caller caller, String teamId) {}
