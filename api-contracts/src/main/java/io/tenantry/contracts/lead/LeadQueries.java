package io.tenantry.contracts.lead;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tenantry.contracts.PageRequest;
import java.util.List;

/** Queries on the leads read model. */
public final class LeadQueries {

    private LeadQueries() {}

    /** One lead; an empty {@code Optional<LeadView>} when unknown. */
    public record FindLeadQuery(String leadId) {}

    /** A page of leads, newest first, optionally of one status; answers a {@link LeadPage}. */
    public record ListLeadsQuery(
            LeadStatus status, @JsonUnwrapped PageRequest page) {}

    public record LeadPage(List<LeadView> items, long total, int offset, int limit) {
        public LeadPage {
            items = List.copyOf(items);
        }
    }

    /** The onboarding funnel; answers a {@link LeadFunnel}. */
    public record LeadFunnelQuery() {}

    /**
     * How many leads there are by stage: every lead was once new; {@code verified} counts those that got that far
     * (converted ones included), {@code converted} those that became tenants.
     */
    public record LeadFunnel(long created, long verified, long converted, long expired, long locked, long open) {}
}
