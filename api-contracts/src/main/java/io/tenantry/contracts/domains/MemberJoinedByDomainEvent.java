package io.tenantry.contracts.domains;

import io.tenantry.contracts.privacy.DataSubject;
import io.tenantry.contracts.tenant.MemberRole;
import org.axonframework.serialization.Revision;

/**
 * A user joined the tenant at once by its verified e-mail address at a verified domain with policy AUTO, with the
 * domain's default role. The {@code MemberAddedEvent} that makes them a member follows; the address is their personal
 * data.
 */
@Revision("1")
public record MemberJoinedByDomainEvent(
        String tenantId, String userId, @DataSubject String email, String domain, MemberRole role) {

    @Override
    public String toString() {
        return "MemberJoinedByDomainEvent[tenantId=" + tenantId + ", userId=" + userId + ", domain=" + domain
                + ", role=" + role + ", ***]";
    }
}
