package io.tenantry.contracts.tenant;

import org.axonframework.serialization.Revision;

/** A tenant came into being, in status {@link TenantStatus#PENDING_PROVISION}. Actor and correlation id are metadata. */
@Revision("1")
public record TenantCreatedEvent(
        String tenantId,
        String name,
        String slug,
        TenantTier tier) {
}
