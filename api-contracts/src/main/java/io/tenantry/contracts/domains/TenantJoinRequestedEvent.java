package io.tenantry.contracts.domains;

import io.tenantry.contracts.privacy.DataSubject;
import io.tenantry.contracts.tenant.MemberRole;
import org.axonframework.serialization.Revision;

/**
 * A user with a verified e-mail address at a verified domain with policy SUGGEST asked to join the tenant; an OWNER or
 * ADMIN approves (they join with {@code role}, the domain's default role when they asked) or denies. The address is
 * their personal data.
 */
@Revision("1")
public record TenantJoinRequestedEvent(
        String tenantId,
        String requestId,
        String userId,
        @DataSubject String email,
        String domain,
        MemberRole role) {

    @Override
    public String toString() {
        return "TenantJoinRequestedEvent[tenantId=" + tenantId + ", requestId=" + requestId + ", userId=" + userId
                + ", domain=" + domain + ", role=" + role + ", ***]";
    }
}
