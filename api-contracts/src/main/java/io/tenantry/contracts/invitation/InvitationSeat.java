package io.tenantry.contracts.invitation;

/** The tenant's answer to holding a seat: its name (for the invitation's mail) and its version after the change. */
public record InvitationSeat(String tenantName, long tenantVersion) {}
