package io.tenantry.command.tenant;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.tenant.TenantStatus;

/** The refusals the Tenant aggregate shares between its handlers. */
final class TenantRefusals {

    private TenantRefusals() {}

    static DomainRefusal notFound(String tenantId) {
        return DomainRefusal.notFound("tenant_not_found", "No tenant with id " + tenantId + ".");
    }

    static DomainRefusal transition(String action, TenantStatus current, String allowed) {
        return DomainRefusal.conflict(
                "invalid_status_transition",
                "Cannot " + action + " a tenant that is " + current + "; only " + allowed + " tenants can be.");
    }
}
