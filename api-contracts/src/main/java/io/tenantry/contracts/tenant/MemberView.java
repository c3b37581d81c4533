package io.tenantry.contracts.tenant;

import java.time.Instant;

/** A user's membership of a tenant. {@code version}: the tenant's version when it last changed. */
public record MemberView(
        String tenantId, String userId, MemberRole role, Instant joinedAt, Instant updatedAt, long version) {}
