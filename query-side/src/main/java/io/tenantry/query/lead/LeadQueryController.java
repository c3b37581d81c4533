package io.tenantry.query.lead;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.PageRequest;
import io.tenantry.contracts.lead.LeadQueries.FindLeadQuery;
import io.tenantry.contracts.lead.LeadQueries.LeadFunnel;
import io.tenantry.contracts.lead.LeadQueries.LeadFunnelQuery;
import io.tenantry.contracts.lead.LeadQueries.LeadPage;
import io.tenantry.contracts.lead.LeadQueries.ListLeadsQuery;
import io.tenantry.contracts.lead.LeadStatus;
import io.tenantry.contracts.lead.LeadView;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Leads for partner-admin (security route table): a list by status, one lead, and the onboarding funnel. */
@RestController
@RequestMapping("/api/leads")
class LeadQueryController {

    private final QueryGateway queries;

    LeadQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "List leads")
    @GetMapping
    LeadPage list(
            @RequestParam(required = false) LeadStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
        return queries.query(new ListLeadsQuery(status, new PageRequest(offset, limit)), LeadPage.class)
                .join();
    }

    @Operation(summary = "Count leads by status")
    @GetMapping("/funnel")
    LeadFunnel funnel() {
        return queries.query(new LeadFunnelQuery(), LeadFunnel.class).join();
    }

    @Operation(summary = "Read a lead")
    @GetMapping("/{leadId}")
    LeadView get(@PathVariable String leadId) {
        return queries.query(new FindLeadQuery(leadId), ResponseTypes.optionalInstanceOf(LeadView.class))
                .join()
                .orElseThrow(() -> DomainRefusal.notFound("lead_not_found", "No lead with id " + leadId + "."));
    }
}
