package io.tenantry.contracts.tenant;

import java.time.Instant;

/** A team of a tenant. {@code version}: the tenant's version when it last changed. */
public record TeamView(
        String tenantId,
        String teamId,
        String name,
        String description,
        int memberCount,
        Instant createdAt,
        Instant updatedAt,
        long version) {}
