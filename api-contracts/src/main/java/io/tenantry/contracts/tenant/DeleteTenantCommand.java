package io.tenantry.contracts.tenant;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Soft-delete a tenant: OWNER or partner-admin. An already deleted tenant is not found. */
public record DeleteTenantCommand(@TargetAggregateIdentifier String tenantId, Long expectedVersion, Caller caller) {}
