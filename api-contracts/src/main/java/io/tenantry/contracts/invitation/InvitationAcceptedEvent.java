package io.tenantry.contracts.invitation;

import io.tenantry.contracts.tenant.MemberRole;
import org.axonframework.serialization.Revision;

/** The invitation was accepted by a signed-in user, who joins the tenant with the invited role. */
@Revision("1")
public record InvitationAcceptedEvent(String invitationId, String tenantId, String userId, MemberRole role) {}
