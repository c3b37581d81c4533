package io.tenantry.contracts.tenant;

import java.time.Instant;
import java.util.List;

/** A tenant as the tenants read model knows it. {@code version} is the aggregate's sequence number (the ETag). */
public record TenantSummary(
        String id,
        String name,
        String slug,
        TenantTier tier,
        TenantStatus status,
        List<TenantContact> contacts,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public TenantSummary {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }
}
