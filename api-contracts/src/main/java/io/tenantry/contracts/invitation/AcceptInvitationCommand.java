package io.tenantry.contracts.invitation;

import io.tenantry.contracts.Caller;
import java.time.Instant;

/**
 * The signed-in caller accepts an invitation with the token from its e-mail (by hash), at {@code now}: in one
 * transaction the invitation is accepted and the caller joins the tenant. Repeating it answers the same
 * {@link AcceptedInvitation} and changes nothing.
 */
public record AcceptInvitationCommand(String invitationId, String tokenHash, Caller caller, Instant now) {}
