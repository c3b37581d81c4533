package io.tenantry.contracts.domains;

import org.axonframework.serialization.Revision;

/**
 * A verified domain is no longer the tenant's: {@code reason} {@value #CHECKS_FAILED} (its periodic re-verification
 * failed too many times in a row) or {@value #TENANT_DELETED}. It stays on the tenant's list, UNVERIFIED, and can be
 * verified again.
 */
@Revision("1")
public record TenantDomainUnverifiedEvent(String tenantId, String domain, String reason) {

    public static final String CHECKS_FAILED = "checks_failed";
    public static final String TENANT_DELETED = "tenant_deleted";

    /** The tenant's domain as one key (see {@link DomainNames#key}). */
    public String domainKey() {
        return DomainNames.key(tenantId, domain);
    }
}
