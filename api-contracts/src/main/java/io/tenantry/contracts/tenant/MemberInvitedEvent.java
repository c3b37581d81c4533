package io.tenantry.contracts.tenant;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The tenant holds a member's seat for an invitation (it counts against the plan's member limit) until it is accepted,
 * revoked or expires at {@code expiresAt}. Who was invited is the invitation's business, not the tenant's.
 */
@Revision("1")
public record MemberInvitedEvent(
        String tenantId, String invitationId, MemberRole role, String invitedBy, Instant expiresAt) {}
