package io.tenantry.contracts.tenant;

/** A member's role in a tenant. */
public enum MemberRole {
    OWNER,
    ADMIN,
    MEMBER
}
