package io.tenantry.contracts.invitation;

/** PENDING until accepted, revoked, or past its expiry; the other three are final. */
public enum InvitationStatus {
    PENDING,
    ACCEPTED,
    REVOKED,
    EXPIRED
}
