package io.tenantry.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.audit.TenantImpersonationsQuery;
import io.tenantry.contracts.audit.TenantImpersonationsQuery.Impersonations;
import io.tenantry.query.tenant.TenantReadAccess;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/tenants/{tenantId}/impersonations}: for the tenant's OWNERs (and partner admins). */
@RestController
class ImpersonationQueryController {

    private final QueryGateway queries;
    private final TenantReadAccess access;

    ImpersonationQueryController(QueryGateway queries, TenantReadAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @Operation(summary = "Who was given a token to act as one of the tenant's members, when and why")
    @GetMapping("/api/tenants/{tenantId}/impersonations")
    Impersonations impersonations(@PathVariable String tenantId, Caller caller) {
        access.requireOwner(caller, tenantId);
        return queries.query(new TenantImpersonationsQuery(tenantId), ResponseTypes.instanceOf(Impersonations.class))
                .join();
    }
}
