package io.tenantry.contracts.tenant;

import org.axonframework.serialization.Revision;

/** A tenant was soft-deleted: nothing is removed, and its slug is free again. */
@Revision("1")
public record TenantDeletedEvent(String tenantId) {}
