package io.tenantry.contracts.tenant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The tenant's resources are ready */
public record CompleteTenantProvisioningCommand(
        @TargetAggregateIdentifier String tenantId) {}
