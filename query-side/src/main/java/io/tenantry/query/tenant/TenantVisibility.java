package io.tenantry.query.tenant;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.tenant.TenantView;

/** Who may read a tenant: partner-admins, and (until memberships are projected) the user who created it. */
final class TenantVisibility {

    private TenantVisibility() {
    }

    static boolean canSee(Caller caller, TenantView tenant) {
        return caller.isPartnerAdmin() || caller.userId().equals(tenant.createdBy());
    }
}
