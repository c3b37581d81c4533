package io.tenantry.contracts.invitation;

import org.axonframework.serialization.Revision;

/** The invitation reached its expiry while still pending (its deadline fired). */
@Revision("1")
public record InvitationExpiredEvent(String invitationId, String tenantId) {}
