package io.tenantry.contracts.tenant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Bring a deleted tenant back in the status it had; its slug must still be free. */
public record RestoreTenantCommand(
        @TargetAggregateIdentifier String tenantId) {}
