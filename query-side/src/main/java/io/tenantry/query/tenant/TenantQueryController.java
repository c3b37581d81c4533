package io.tenantry.query.tenant;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.PageRequest;
import io.tenantry.contracts.tenant.FindTenantBySlugQuery;
import io.tenantry.contracts.tenant.FindTenantQuery;
import io.tenantry.contracts.tenant.ListTenantsQuery;
import io.tenantry.contracts.tenant.TenantPage;
import io.tenantry.contracts.tenant.TenantStatus;
import io.tenantry.contracts.tenant.TenantTier;
import io.tenantry.contracts.tenant.TenantView;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tenant reads, through the query gateway. partner-admin sees every tenant; anyone else only the tenants they are a
 * member of ({@link TenantReadAccess}), and the same 404 for the others as for unknown ids.
 */
@RestController
@RequestMapping("/api/tenants")
class TenantQueryController {

    private final QueryGateway queries;
    private final TenantReadAccess access;

    TenantQueryController(QueryGateway queries, TenantReadAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @Operation(summary = "List the tenants the caller may see")
    @GetMapping
    TenantPage list(
            Caller caller,
            @RequestParam(required = false) TenantStatus status,
            @RequestParam(required = false) TenantTier tier,
            @RequestParam(required = false) @Size(max = 64) String planId,
            @RequestParam(name = "q", required = false) @Size(max = 255) String text,
            @RequestParam(defaultValue = "false") boolean includeDeleted,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
        ListTenantsQuery query = new ListTenantsQuery(
                status,
                tier,
                planId,
                text,
                includeDeleted,
                caller.isPartnerAdmin() ? null : caller.userId(),
                new PageRequest(offset, limit));
        return queries.query(query, TenantPage.class).join();
    }

    @Operation(summary = "Read a tenant")
    @GetMapping("/{tenantId}")
    ResponseEntity<TenantView> get(
            @PathVariable String tenantId,
            @RequestParam(defaultValue = "false") boolean includeDeleted,
            Caller caller) {
        access.require(caller, tenantId, includeDeleted);
        return answer(
                queries.query(new FindTenantQuery(tenantId), ResponseTypes.optionalInstanceOf(TenantView.class))
                        .join(),
                "No tenant with id " + tenantId + ".");
    }

    @Operation(summary = "Read a tenant by its slug")
    @GetMapping("/by-slug/{slug}")
    ResponseEntity<TenantView> bySlug(@PathVariable String slug, Caller caller) {
        Optional<TenantView> tenant = queries.query(
                        new FindTenantBySlugQuery(slug), ResponseTypes.optionalInstanceOf(TenantView.class))
                .join();
        String notFound = "No live tenant has the slug '" + slug + "'.";
        tenant.ifPresent(found -> access.require(caller, found.id()));
        return answer(tenant, notFound);
    }

    private static ResponseEntity<TenantView> answer(Optional<TenantView> tenant, String notFound) {
        return tenant.map(found ->
                        ResponseEntity.ok().eTag(Long.toString(found.version())).body(found))
                .orElseThrow(() -> DomainRefusal.notFound("tenant_not_found", notFound));
    }
}
