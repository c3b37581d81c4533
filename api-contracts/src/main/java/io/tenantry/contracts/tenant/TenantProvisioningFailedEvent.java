package io.tenantry.contracts.tenant;

import org.axonframework.serialization.Revision;

/** Provisioning failed (or timed out); it may be retried. */
@Revision("1")
public record TenantProvisioningFailedEvent(String tenantId, String reason) {}
