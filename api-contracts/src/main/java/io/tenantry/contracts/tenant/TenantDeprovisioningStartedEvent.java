package io.tenantry.contracts.tenant;

import org.axonframework.serialization.Revision;

/** The deleted tenant's resources and identity provider are being removed; {@code contextId} names this attempt. */
@Revision("1")
public record TenantDeprovisioningStartedEvent(String tenantId, String contextId) {}
