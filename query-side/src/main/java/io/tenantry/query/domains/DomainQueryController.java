package io.tenantry.query.domains;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.PageRequest;
import io.tenantry.contracts.domains.DomainNames;
import io.tenantry.contracts.domains.DomainQueries.JoinRequestPage;
import io.tenantry.contracts.domains.DomainQueries.JoinableTenantList;
import io.tenantry.contracts.domains.DomainQueries.JoinableTenantsQuery;
import io.tenantry.contracts.domains.DomainQueries.ListJoinRequestsQuery;
import io.tenantry.contracts.domains.DomainQueries.ListTenantDomainsQuery;
import io.tenantry.contracts.domains.DomainQueries.TenantDomainList;
import io.tenantry.query.tenant.TenantReadAccess;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant's e-mail domains and pending requests to join, for its OWNERs and ADMINs (its other members: 403, anyone
 * else 404, see {@link TenantReadAccess}); and the tenants a signed-in user may join by the domain of its verified
 * e-mail address.
 */
@RestController
class DomainQueryController {

    private final QueryGateway queries;
    private final TenantReadAccess access;

    DomainQueryController(QueryGateway queries, TenantReadAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @Operation(summary = "List a tenant's e-mail domains")
    @GetMapping("/api/tenants/{tenantId}/domains")
    TenantDomainList domains(@PathVariable String tenantId, Caller caller) {
        access.requireManager(caller, tenantId);
        return queries.query(new ListTenantDomainsQuery(tenantId), TenantDomainList.class)
                .join();
    }

    @Operation(summary = "List a tenant's pending requests to join")
    @GetMapping("/api/tenants/{tenantId}/join-requests")
    JoinRequestPage joinRequests(
            @PathVariable String tenantId,
            Caller caller,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        access.requireManager(caller, tenantId);
        return queries.query(new ListJoinRequestsQuery(tenantId, new PageRequest(offset, limit)), JoinRequestPage.class)
                .join();
    }

    /**
     * The tenants that take members at the domain of the caller's verified e-mail address, and that it is not a
     * member of; none without a verified address.
     */
    @Operation(summary = "List the tenants one may join by the domain of one's verified e-mail address")
    @GetMapping("/api/me/joinable-tenants")
    JoinableTenantList joinable(Caller caller) {
        String domain = DomainNames.ofEmail(caller.verifiedEmail());
        if (domain == null) {
            return new JoinableTenantList(null, List.of());
        }
        return queries.query(new JoinableTenantsQuery(domain, caller.userId()), JoinableTenantList.class)
                .join();
    }
}
