package io.tenantry.query.audit;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.audit.EventHistoryPage;
import io.tenantry.contracts.audit.TenantEventHistoryQuery;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Audit reads for {@code partner-admin} (see the security route table), replayed from the event store. */
@RestController
@RequestMapping("/api/audit/tenants")
class AuditQueryController {

    private final QueryGateway queries;

    AuditQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{tenantId}/events")
    EventHistoryPage events(@PathVariable String tenantId,
                            @RequestParam(defaultValue = "0") @Min(0) int offset,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return queries.query(new TenantEventHistoryQuery(tenantId, offset, limit),
                        ResponseTypes.optionalInstanceOf(EventHistoryPage.class))
                      .join()
                      .orElseThrow(() -> DomainRefusal.notFound("tenant_not_found", "No tenant with id " + tenantId + "."));
    }
}
