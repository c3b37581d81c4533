package io.tenantry.contracts.tenant;

import org.axonframework.serialization.Revision;

/** Removing the deleted tenant's resources failed (or timed out): reported, and the tenant can still be restored. */
@Revision("1")
public record TenantDeprovisioningFailedEvent(String tenantId, String reason) {}
