package io.tenantry.contracts.entitlement;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner-admin ends a tenant's override of one entitlement before its time: the plan's holds again. */
public record RemoveEntitlementOverrideCommand(
        @TargetAggregateIdentifier String tenantId, String key, String reason, Caller caller) {}
