package io.tenantry.query.subscription;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.PageRequest;
import io.tenantry.contracts.subscription.SubscriptionQueries.FindSubscriptionQuery;
import io.tenantry.contracts.subscription.SubscriptionQueries.InvoicePage;
import io.tenantry.contracts.subscription.SubscriptionQueries.ListInvoicesQuery;
import io.tenantry.contracts.subscription.SubscriptionView;
import io.tenantry.query.tenant.TenantReadAccess;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's subscription (its members may see it) and invoices (its OWNERs and ADMINs). */
@RestController
@RequestMapping("/api/tenants/{tenantId}")
class SubscriptionQueryController {

    private final QueryGateway queries;
    private final TenantReadAccess access;

    SubscriptionQueryController(QueryGateway queries, TenantReadAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @Operation(summary = "Read a tenant's subscription")
    @GetMapping("/subscription")
    SubscriptionView subscription(@PathVariable String tenantId, Caller caller) {
        access.require(caller, tenantId);
        return queries.query(
                        new FindSubscriptionQuery(tenantId), ResponseTypes.optionalInstanceOf(SubscriptionView.class))
                .join()
                .orElseThrow(() -> DomainRefusal.notFound(
                        "subscription_not_found",
                        "Tenant " + tenantId + " has no subscription yet; it starts moments after the tenant."));
    }

    @Operation(summary = "List a tenant's invoices")
    @GetMapping("/invoices")
    InvoicePage invoices(
            @PathVariable String tenantId,
            Caller caller,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        access.requireManager(caller, tenantId);
        return queries.query(new ListInvoicesQuery(tenantId, new PageRequest(offset, limit)), InvoicePage.class)
                .join();
    }
}
