package io.tenantry.contracts.tenant;

import java.time.Instant;

/** A tenant as the tenants read model knows it. {@code version} is the aggregate's sequence number (the ETag). */
public record TenantSummary(
        String id,
        String name,
        String slug,
        TenantTier tier,
        TenantStatus status,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
