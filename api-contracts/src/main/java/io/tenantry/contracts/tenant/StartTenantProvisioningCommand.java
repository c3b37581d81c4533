package io.tenantry.contracts.tenant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Start provisioning a tenant (from PENDING_PROVISION), or retry it (from PROVISION_FAILED). {@code contextId} names
 * the attempt. While it is provisioning, repeating the command changes nothing.
 */
public record StartTenantProvisioningCommand(
        @TargetAggregateIdentifier String tenantId, String contextId) {}
