package io.tenantry.query.provisioning;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.provisioning.ProvisionedTenant;
import io.tenantry.contracts.tenant.FindTenantQuery;
import io.tenantry.contracts.tenant.TenantStatus;
import io.tenantry.contracts.tenant.TenantView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The provisioning API's {@code GET /api/provisioning/tenants/{id}} (partner-admin: see the security route table). */
@RestController
@RequestMapping("/api/provisioning/tenants")
class ProvisioningQueryController {

    private final QueryGateway queries;

    ProvisioningQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "Read a partner-provisioned tenant")
    @GetMapping("/{tenantId}")
    ProvisionedTenant get(@PathVariable String tenantId) {
        return queries.query(new FindTenantQuery(tenantId), ResponseTypes.optionalInstanceOf(TenantView.class))
                .join()
                .filter(tenant -> tenant.status() != TenantStatus.DELETED)
                .map(ProvisionedTenant::of)
                .orElseThrow(() -> DomainRefusal.notFound("tenant_not_found", "No tenant with id " + tenantId + "."));
    }
}
