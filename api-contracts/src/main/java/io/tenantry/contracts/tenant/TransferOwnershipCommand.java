package io.tenantry.contracts.tenant;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An OWNER hands ownership to another member in one step: they become OWNER, the caller ADMIN. */
public record TransferOwnershipCommand(
        @TargetAggregateIdentifier String tenantId, Caller caller, String toUserId) {}
