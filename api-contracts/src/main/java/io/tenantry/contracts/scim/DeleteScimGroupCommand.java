package io.tenantry.contracts.scim;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Disbands a team through SCIM. Answers the tenant's new version. */
public record DeleteScimGroupCommand(
        @TargetAggregateIdentifier String tenantId, String groupId, Caller caller, Long expectedVersion) {}
