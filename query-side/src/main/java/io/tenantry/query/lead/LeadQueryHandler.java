package io.tenantry.query.lead;

import io.tenantry.contracts.lead.LeadQueries.FindLeadQuery;
import io.tenantry.contracts.lead.LeadQueries.LeadFunnel;
import io.tenantry.contracts.lead.LeadQueries.LeadFunnelQuery;
import io.tenantry.contracts.lead.LeadQueries.LeadPage;
import io.tenantry.contracts.lead.LeadQueries.ListLeadsQuery;
import io.tenantry.contracts.lead.LeadView;
import io.tenantry.projections.lead.LeadDirectory;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Answers lead queries from the leads read model. */
@Component
class LeadQueryHandler {

    private final LeadDirectory directory;

    LeadQueryHandler(LeadDirectory directory) {
        this.directory = directory;
    }

    @QueryHandler
    Optional<LeadView> handle(FindLeadQuery query) {
        return directory.find(query.leadId());
    }

    @QueryHandler
    LeadPage handle(ListLeadsQuery query) {
        return directory.list(query.status(), query.offset(), query.limit());
    }

    @QueryHandler
    LeadFunnel handle(LeadFunnelQuery query) {
        return directory.funnel();
    }
}
