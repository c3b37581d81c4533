package io.tenantry.contracts.tenant;

import org.axonframework.serialization.Revision;

/** An active tenant was suspended. */
@Revision("1")
public record TenantSuspendedEvent(String tenantId, String reason) {}
