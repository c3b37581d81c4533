package io.tenantry.command.tenant;

import io.tenantry.contracts.tenant.MemberRole;
import java.time.Instant;

/** A member's seat kept for a pending invitation, until it is accepted, revoked or expires. */
record HeldSeat(MemberRole role, String invitedBy, Instant expiresAt) {}
