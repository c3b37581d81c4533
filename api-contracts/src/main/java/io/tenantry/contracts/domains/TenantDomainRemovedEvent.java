package io.tenantry.contracts.domains;

import org.axonframework.serialization.Revision;

/** The domain was taken off the tenant's list (verified or not); another tenant may verify it now. */
@Revision("1")
public record TenantDomainRemovedEvent(String tenantId, String domain, String removedBy) {

    /** The tenant's domain as one key (see {@link DomainNames#key}). */
    public String domainKey() {
        return DomainNames.key(tenantId, domain);
    }
}
