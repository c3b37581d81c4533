package io.tenantry.contracts.scim;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes a SCIM user's member from the tenant (and its teams), as removing a member does. Answers the tenant's new version. */
public record DeprovisionScimUserCommand(
        @TargetAggregateIdentifier String tenantId, String scimId, Caller caller, Long expectedVersion) {}
