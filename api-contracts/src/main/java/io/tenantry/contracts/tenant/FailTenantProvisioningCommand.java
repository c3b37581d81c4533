package io.tenantry.contracts.tenant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Provisioning failed or timed out. Repeating it is harmless. */
public record FailTenantProvisioningCommand(
        @TargetAggregateIdentifier String tenantId, String reason) {}
