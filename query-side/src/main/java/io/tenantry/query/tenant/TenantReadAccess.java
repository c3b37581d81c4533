package io.tenantry.query.tenant;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.membership.MembershipQueries.TenantAccessQuery;
import io.tenantry.contracts.membership.MembershipResults.TenantAccess;
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
        Optional<TenantAccess> access = queries.query(new TenantAccessQuery(tenantId, caller.userId()),
                ResponseTypes.optionalInstanceOf(TenantAccess.class)).join();
        boolean readable = access.filter(found -> includeDeleted || found.status() != TenantStatus.DELETED)
                                 .filter(found -> caller.isPartnerAdmin() || found.role() != null)
                                 .isPresent();
        if (!readable) {
            throw DomainRefusal.notFound("tenant_not_found", "No tenant with id " + tenantId + ".");
        }
    }

    public void require(Caller caller, String tenantId) {
        require(caller, tenantId, false);
    }
}
