package io.tenantry.contracts.invitation;

import java.time.Instant;

/** An invitation just made, with what its e-mail needs (the tenant's name) and the tenant's version after it. */
public record IssuedInvitation(
        String invitationId, String tenantId, String tenantName, Instant expiresAt, long tenantVersion) {}
