package io.tenantry.contracts.domains;

import io.tenantry.contracts.tenant.MemberRole;
import org.axonframework.serialization.Revision;

/**
 * An OWNER or ADMIN (or a partner-admin) approved or denied a request to join ({@code decision}); an approval is
 * followed by the {@code MemberAddedEvent} that makes the user a member with {@code role}.
 */
@Revision("1")
public record TenantJoinRequestDecidedEvent(
        String tenantId,
        String requestId,
        String userId,
        JoinRequestStatus decision,
        MemberRole role,
        String decidedBy) {}
