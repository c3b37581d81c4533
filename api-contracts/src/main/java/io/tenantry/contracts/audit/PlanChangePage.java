package io.tenantry.contracts.audit;

import java.util.List;

/** A page of a tenant's plan changes, oldest first, with the plan it was created on. */
public record PlanChangePage(
        String tenantId, String initialPlanId, List<PlanChangeEntry> items, long total, int offset, int limit) {

    public PlanChangePage {
        items = List.copyOf(items);
    }
}
