package io.tenantry.contracts.tenant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a tenant; the caller (metadata {@code actorId}) is recorded as its creator. */
public record CreateTenantCommand(
        @TargetAggregateIdentifier String tenantId,
        String name,
        String slug,
        TenantTier tier) {
}
