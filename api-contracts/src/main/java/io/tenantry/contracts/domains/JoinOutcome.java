package io.tenantry.contracts.domains;

import io.tenantry.contracts.tenant.MemberRole;

/**
 * What a join or a decision on a request came to: {@code JOINED} (the user is a member with {@code role}),
 * {@code REQUESTED} (a request waits, {@code requestId}), or {@code DENIED}.
 */
public record JoinOutcome(String tenantId, String userId, Status status, MemberRole role, String requestId) {

    public enum Status {
        JOINED,
        REQUESTED,
        DENIED
    }
}
