package io.tenantry.contracts.tenant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removing the deleted tenant's resources failed in attempt {@code contextId}; repeating it changes nothing. */
public record FailTenantDeprovisioningCommand(
        @TargetAggregateIdentifier String tenantId, String contextId, String reason) {}
