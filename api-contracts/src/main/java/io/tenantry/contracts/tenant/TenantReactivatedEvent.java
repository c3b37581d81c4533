package io.tenantry.contracts.tenant;

import org.axonframework.serialization.Revision;

/** A suspended tenant is active again. */
@Revision("1")
public record TenantReactivatedEvent(String tenantId) {}
