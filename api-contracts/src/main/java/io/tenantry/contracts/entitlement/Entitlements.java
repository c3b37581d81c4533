package io.tenantry.contracts.entitlement;

import io.tenantry.contracts.plan.Plan;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The entitlements that hold for a tenant: its plan's, each replaced by the tenant's override for that key where one
 * holds at the instant asked about. An override of a key the plan does not have adds it (a feature granted to a
 * tenant whose plan lacks it). Ordered by key.
 */
public final class Entitlements {

    private Entitlements() {}

    public static Map<String, EffectiveEntitlement> effective(
            Plan plan, Collection<EntitlementOverride> overrides, Instant at) {
        Map<String, EffectiveEntitlement> effective = new TreeMap<>();
        for (Entitlement granted : plan.entitlements()) {
            effective.put(granted.key(), EffectiveEntitlement.of(granted, granted, null));
        }
        for (EntitlementOverride override : overrides) {
            if (!override.holdsAt(at)) {
                continue;
            }
            Entitlement ofPlan = plan.entitlement(override.key()).orElse(null);
            Entitlement granted = ofPlan != null
                    ? ofPlan.withValue(override.value())
                    : new Entitlement(
                            override.key(),
                            override.kind(),
                            override.value(),
                            override.kind() == EntitlementKind.QUOTA ? QuotaPeriod.MONTH : null,
                            override.kind() == EntitlementKind.QUOTA ? Enforcement.HARD : null,
                            null);
            effective.put(override.key(), EffectiveEntitlement.of(granted, ofPlan, override));
        }
        return effective;
    }

    /** The keys of the features that are on, in key order: what a tenant token carries. */
    public static List<String> features(Map<String, EffectiveEntitlement> effective) {
        return effective.values().stream()
                .filter(e -> e.kind() == EntitlementKind.FEATURE && e.enabled())
                .map(EffectiveEntitlement::key)
                .toList();
    }

    /** Key to the number that holds (a feature's 1 or 0): equal exactly when the effective sets are the same. */
    public static Map<String, Long> values(Map<String, EffectiveEntitlement> effective) {
        Map<String, Long> values = new LinkedHashMap<>();
        effective.forEach((key, e) -> values.put(key, e.value()));
        return values;
    }
}
