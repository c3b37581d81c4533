package io.tenantry.contracts.invitation;

import org.axonframework.serialization.Revision;

/** An OWNER or ADMIN of the tenant withdrew the invitation before it was accepted. */
@Revision("1")
public record InvitationRevokedEvent(String invitationId, String tenantId, String revokedBy) {}
