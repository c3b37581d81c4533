package io.tenantry.contracts.tenant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make a suspended tenant active again. */
public record ReactivateTenantCommand(
        @TargetAggregateIdentifier String tenantId) {}
