package io.tenantry.query.tenant;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.tenant.FindTenantQuery;
import io.tenantry.contracts.tenant.TenantSummary;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tenant reads, answered through the query gateway. */
@RestController
@RequestMapping("/api/tenants")
class TenantQueryController {

    private final QueryGateway queries;

    TenantQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * One tenant. Until memberships exist, its creator and {@code partner-admin} may read it; anyone else gets the
     * same 404 as for an unknown id, so the existence of other tenants does not leak.
     */
    @GetMapping("/{tenantId}")
    ResponseEntity<TenantSummary> get(@PathVariable String tenantId, Caller caller) {
        return queries.query(new FindTenantQuery(tenantId), ResponseTypes.optionalInstanceOf(TenantSummary.class))
                      .join()
                      .filter(tenant -> caller.isPartnerAdmin() || caller.userId().equals(tenant.createdBy()))
                      .map(tenant -> ResponseEntity.ok().eTag(Long.toString(tenant.version())).body(tenant))
                      .orElseThrow(() -> DomainRefusal.notFound("tenant_not_found", "No tenant with id " + tenantId + "."));
    }
}
