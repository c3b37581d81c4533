package io.tenantry.contracts.tenant;

/** How a tenant's resources are provisioned: shared with others, or its own silo. */
public enum TenantTier {
    POOLED,
    SILOED
}
