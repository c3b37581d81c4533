package io.tenantry.contracts.domains;

import org.axonframework.serialization.Revision;

/**
 * An OWNER or ADMIN (or a partner-admin) claimed an e-mail domain for the tenant; it is PENDING until the
 * {@code challenge} is found at the domain (a DNS TXT record or a well-known file).
 */
@Revision("1")
public record TenantDomainAddedEvent(String tenantId, String domain, String challenge, String addedBy) {

    /** The tenant's domain as one key (see {@link DomainNames#key}). */
    public String domainKey() {
        return DomainNames.key(tenantId, domain);
    }
}
