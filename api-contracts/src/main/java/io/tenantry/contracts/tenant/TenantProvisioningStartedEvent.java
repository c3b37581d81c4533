package io.tenantry.contracts.tenant;

import org.axonframework.serialization.Revision;

/** Provisioning of the tenant's resources started (or was retried); contextId names this attempt. */
@Revision("1")
public record TenantProvisioningStartedEvent(String tenantId, String contextId) {}
