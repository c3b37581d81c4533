package io.tenantry.contracts.entitlement;

/**
 * One entitlement as it holds for a tenant: {@code source} says whether the plan's ({@code plan}) or an override's
 * ({@code override}, with its reason, author and end) holds. {@code enabled}: a feature on, or a limit or quota above
 * zero; {@code limit}: the number a limit or quota allows (none for a feature).
 */
public record EffectiveEntitlement(
        String key,
        EntitlementKind kind,
        boolean enabled,
        Long limit,
        QuotaPeriod period,
        Enforcement enforcement,
        String stripeMeter,
        String source,
        Entitlement plan,
        EntitlementOverride override) {

    public static final String PLAN = "plan";
    public static final String OVERRIDE = "override";

    static EffectiveEntitlement of(Entitlement granted, Entitlement ofPlan, EntitlementOverride override) {
        return new EffectiveEntitlement(
                granted.key(),
                granted.kind(),
                granted.enabled(),
                granted.kind() == EntitlementKind.FEATURE ? null : granted.value(),
                granted.period(),
                granted.enforcement(),
                granted.stripeMeter(),
                override == null ? PLAN : OVERRIDE,
                ofPlan,
                override);
    }

    /** The number that holds: a feature's 1 or 0, a limit's or quota's allowance. */
    public long value() {
        return kind == EntitlementKind.FEATURE ? (enabled ? 1 : 0) : limit;
    }
}
