package io.tenantry.contracts.tenant;

import org.axonframework.serialization.Revision;

/** The tenant's resources are ready, so it is active. */
@Revision("1")
public record TenantProvisionedEvent(String tenantId) {}
