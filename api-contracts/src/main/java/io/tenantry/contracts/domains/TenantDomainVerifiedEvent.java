package io.tenantry.contracts.domains;

import org.axonframework.serialization.Revision;

/**
 * The domain's challenge was found by {@code method}: the domain is the tenant's (and no other tenant's) until it is
 * removed or stops verifying. {@code verifiedBy} asked for the check.
 */
@Revision("1")
public record TenantDomainVerifiedEvent(String tenantId, String domain, VerificationMethod method, String verifiedBy) {

    /** The tenant's domain as one key (see {@link DomainNames#key}). */
    public String domainKey() {
        return DomainNames.key(tenantId, domain);
    }
}
