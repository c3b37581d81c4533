package io.tenantry.contracts.domains;

/** Where a tenant's domain stands: added and not yet proven (PENDING), proven (VERIFIED), or no longer proven (UNVERIFIED: its periodic checks failed, or its tenant was deleted); verifying again proves it anew. */
public enum DomainStatus {
    PENDING,
    VERIFIED,
    UNVERIFIED
}
