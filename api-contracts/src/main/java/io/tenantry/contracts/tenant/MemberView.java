package io.tenantry.contracts.tenant;

import java.time.Instant;

/**
 * A user's membership of a tenant. {@code version}: the tenant's version when it last changed; {@code suspended}: the
 * member has no access until reactivated.
 */
public record MemberView(
        String tenantId,
        String userId,
        MemberRole role,
        Instant joinedAt,
        Instant updatedAt,
        long version,
        boolean suspended) {

    /** A membership in force (not suspended). */
    public MemberView(
            String tenantId, String userId, MemberRole role, Instant joinedAt, Instant updatedAt, long version) {
        this(tenantId, userId, role, joinedAt, updatedAt, version, false);
    }
}
