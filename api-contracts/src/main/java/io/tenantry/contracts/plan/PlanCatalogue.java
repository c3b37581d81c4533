package io.tenantry.contracts.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The plans on offer (configuration, {@code tenantry.plans}) and the one a tenant without a plan is on. */
public final class PlanCatalogue {

    private final Map<String, Plan> plans = new LinkedHashMap<>();
    private final Plan defaultPlan;

    public PlanCatalogue(List<Plan> plans, String defaultPlanId) {
        if (plans == null || plans.isEmpty()) {
            throw new IllegalArgumentException("the plan catalogue needs at least one plan");
        }
        for (Plan plan : plans) {
            if (plan.id() == null || plan.id().isBlank()) {
                throw new IllegalArgumentException("every plan needs an id");
            }
            if (plan.maxMembers() < 1 || plan.maxTeams() < 0) {
                throw new IllegalArgumentException(
                        "plan " + plan.id() + ": maxMembers must be at least 1, maxTeams at least 0");
            }
            if (this.plans.put(plan.id(), plan) != null) {
                throw new IllegalArgumentException("plan id " + plan.id() + " appears twice");
            }
        }
        this.defaultPlan = this.plans.get(defaultPlanId);
        if (defaultPlan == null) {
            throw new IllegalArgumentException(
                    "the default plan '" + defaultPlanId + "' is not in the catalogue " + this.plans.keySet());
        }
    }

    public List<Plan> plans() {
        return List.copyOf(plans.values());
    }

    public Plan defaultPlan() {
        return defaultPlan;
    }

    public Optional<Plan> find(String planId) {
        return Optional.ofNullable(planId == null ? null : plans.get(planId));
    }

    /** The plan with this id, or the default plan when the id is {@code null} or no longer offered. */
    public Plan planOrDefault(String planId) {
        return find(planId).orElse(defaultPlan);
    }
}
