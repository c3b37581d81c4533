package io.tenantry.contracts.plan;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.entitlement.Entitlement;
import io.tenantry.contracts.entitlement.EntitlementKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The plans on offer (configuration, {@code tenantry.plans}) and the one a tenant without a plan is on. */
public final class PlanCatalogue {

    private final Map<String, Plan> plans = new LinkedHashMap<>();
    private final Plan defaultPlan;
    private final Map<String, EntitlementKind> entitlementKinds = new TreeMap<>();

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
            if (!"month".equalsIgnoreCase(plan.interval()) && !"year".equalsIgnoreCase(plan.interval())) {
                throw new IllegalArgumentException(
                        "plan " + plan.id() + ": interval must be month or year, not " + plan.interval());
            }
            plan.priceInMinorUnits(); // a price billed in exact minor units, or the reason it cannot be
            if (this.plans.put(plan.id(), plan) != null) {
                throw new IllegalArgumentException("plan id " + plan.id() + " appears twice");
            }
            for (Entitlement entitlement : plan.entitlements()) {
                EntitlementKind kind = entitlementKinds.putIfAbsent(entitlement.key(), entitlement.kind());
                if (kind != null && kind != entitlement.kind()) {
                    throw new IllegalArgumentException("entitlement " + entitlement.key() + " is a " + kind
                            + " in one plan and a " + entitlement.kind() + " in plan " + plan.id());
                }
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

    /** The plan of that id; 400 {@code unknown_plan} naming the plans there are. */
    public Plan known(String planId) {
        return find(planId)
                .orElseThrow(() -> DomainRefusal.invalid(
                        "unknown_plan", "There is no plan '" + planId + "'; the plans are " + plans.keySet() + "."));
    }

    /** The kind of an entitlement some plan grants; 404 {@code unknown_entitlement} naming the catalogue's keys. */
    public EntitlementKind knownEntitlementKind(String key) {
        EntitlementKind kind = key == null ? null : entitlementKinds.get(key);
        if (kind == null) {
            throw DomainRefusal.notFound(
                    "unknown_entitlement",
                    "No plan grants an entitlement '" + key + "'; the catalogue's are " + entitlementKinds.keySet()
                            + ".");
        }
        return kind;
    }

    /** Every entitlement key some plan grants, with its kind, in key order. */
    public Map<String, EntitlementKind> entitlementKinds() {
        return Map.copyOf(entitlementKinds);
    }

    /** The plan with this id, or the default plan when the id is {@code null} or no longer offered. */
    public Plan planOrDefault(String planId) {
        return find(planId).orElse(defaultPlan);
    }
}
