package io.tenantry.contracts.tenant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The deleted tenant's resources are gone (attempt {@code contextId}); repeating it changes nothing. */
public record CompleteTenantDeprovisioningCommand(
        @TargetAggregateIdentifier String tenantId, String contextId) {}
