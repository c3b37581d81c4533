package io.tenantry.contracts.tenant;

import io.tenantry.contracts.invitation.InvitationStatus;
import org.axonframework.serialization.Revision;

/** The seat held for an invitation is given up: it was ACCEPTED (a member takes it), REVOKED or EXPIRED. */
@Revision("1")
public record InvitationClosedEvent(String tenantId, String invitationId, InvitationStatus outcome) {}
