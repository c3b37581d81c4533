package io.tenantry.contracts.tenant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start removing a deleted tenant's resources (attempt {@code contextId}); repeating it changes nothing. */
public record StartTenantDeprovisioningCommand(
        @TargetAggregateIdentifier String tenantId, String contextId) {}
