package io.tenantry.query.tenant;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.membership.MembershipQueries.TenantAccessQuery;
import io.tenantry.contracts.membership.MembershipResults.TenantAccess;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.TenantStatus;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who may read under {@code /api/tenants/{id}}: its members, and partner-admins; from the membership read model, in
 * one indexed query. Anyone else gets the same 404 as for an unknown tenant, so other tenants do not leak.
 */
@Component
public class TenantReadAccess {

    private final QueryGateway queries;

    TenantReadAccess(QueryGateway queries) {
        this.queries = queries;
    }

    /** Passes for a live tenant the caller belongs to (deleted ones too when asked); otherwise 404. */
    public void require(Caller caller, String tenantId, boolean includeDeleted) {
        readable(caller, tenantId, includeDeleted)
                .orElseThrow(() -> DomainRefusal.notFound("tenant_not_found", "No tenant with id " + tenantId + "."));
    }

    /** Passes for an OWNER or ADMIN of a live tenant, or a partner-admin; 403 for its other members, else 404. */
    public void requireManager(Caller caller, String tenantId) {
        TenantAccess access = readable(caller, tenantId, false)
                .orElseThrow(() -> DomainRefusal.notFound("tenant_not_found", "No tenant with id " + tenantId + "."));
        if (!caller.isPartnerAdmin() && access.role() != MemberRole.OWNER && access.role() != MemberRole.ADMIN) {
            throw DomainRefusal.forbidden("insufficient_role",
                    "Your role in this tenant (" + access.role() + ") does not allow this; it takes OWNER or ADMIN.");
        }
    }

    /** Whether the caller is an OWNER or ADMIN of this live tenant, or a partner-admin; no exception either way. */
    public boolean isManager(Caller caller, String tenantId) {
        return readable(caller, tenantId, false)
                .filter(access -> caller.isPartnerAdmin() || access.role() == MemberRole.OWNER
                        || access.role() == MemberRole.ADMIN)
                .isPresent();
    }

    private Optional<TenantAccess> readable(Caller caller, String tenantId, boolean includeDeleted) {
        Optional<TenantAccess> access = queries.query(new TenantAccessQuery(tenantId, caller.userId()),
                ResponseTypes.optionalInstanceOf(TenantAccess.class)).join();
        return access.filter(found -> includeDeleted || found.status() != TenantStatus.DELETED)
                     .filter(found -> caller.isPartnerAdmin() || found.role() != null);
    }

    public void require(Caller caller, String tenantId) {
        require(caller, tenantId, false);
    }
}
