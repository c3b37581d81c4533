package io.tenantry.contracts.tenant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Suspend an active tenant, saying why. */
public record SuspendTenantCommand(
        @TargetAggregateIdentifier String tenantId, String reason) {}
