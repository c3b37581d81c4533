package io.tenantry.contracts.invitation;

import io.tenantry.contracts.Caller;

/**
 * An OWNER or ADMIN withdraws a pending invitation of their tenant: its seat is freed and it can no longer be accepted.
 */
public record RevokeInvitationCommand(String tenantId, String invitationId, Caller caller) {}
