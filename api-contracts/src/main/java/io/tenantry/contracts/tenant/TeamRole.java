package io.tenantry.contracts.tenant;

/** A team member's role: a LEAD may update the team and manage its members. */
public enum TeamRole {
    LEAD,
    MEMBER
}
