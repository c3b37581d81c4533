package io.tenantry.contracts.tenant;

import org.axonframework.serialization.Revision;

/** The deleted tenant's resources and identity provider are gone; restoring it provisions it again. */
@Revision("1")
public record TenantDeprovisionedEvent(String tenantId) {}
