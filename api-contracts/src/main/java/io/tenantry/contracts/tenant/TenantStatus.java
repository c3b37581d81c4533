package io.tenantry.contracts.tenant;

/** A tenant's lifecycle status (docs/domain.md, Tenant). */
public enum TenantStatus {
    PENDING_PROVISION,
    PROVISIONING,
    PROVISION_FAILED,
    ACTIVE,
    SUSPENDED,
    DELETED
}
