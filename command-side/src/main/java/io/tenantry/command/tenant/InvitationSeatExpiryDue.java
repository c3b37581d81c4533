package io.tenantry.command.tenant;

/** The deadline payload freeing the seat held for an invitation when the invitation expires. */
record InvitationSeatExpiryDue(String invitationId) {}
