package io.tenantry.contracts.tenant;

import java.time.Instant;

/** A user's membership of a team. {@code version}: the tenant's version when it last changed. */
public record TeamMemberView(
        String tenantId,
        String teamId,
        String userId,
        TeamRole role,
        Instant joinedAt,
        Instant updatedAt,
        long version) {}
