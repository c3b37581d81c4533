package io.tenantry.contracts.domains;

/** Where a request to join a tenant stands. */
public enum JoinRequestStatus {
    PENDING,
    APPROVED,
    DENIED
}
