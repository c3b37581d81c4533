package io.tenantry.contracts.entitlement;

import java.time.Instant;

/**
 * One entitlement of a tenant as a service asks about it before an action: whether it is on, what it allows
 * ({@code limit}), how much of it is used ({@code used}: a quota's usage this period, a limit's members or teams where
 * Tenantry counts them) and what is left, when a quota resets, and whether the plan or an override decides
 * ({@code source}, with the {@code override}). {@code quantity} and {@code allowed}: the answer to "may I use this
 * much more?" when the service asked it.
 */
public record EntitlementState(
        String tenantId,
        String key,
        EntitlementKind kind,
        boolean enabled,
        Long limit,
        Long used,
        Long remaining,
        QuotaPeriod period,
        Instant resetsAt,
        Enforcement enforcement,
        String source,
        EntitlementOverride override,
        Long quantity,
        Boolean allowed) {}
