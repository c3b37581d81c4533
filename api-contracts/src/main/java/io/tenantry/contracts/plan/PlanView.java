package io.tenantry.contracts.plan;

import io.tenantry.contracts.entitlement.Entitlement;
import java.math.BigDecimal;
import java.util.List;

/** A plan of the catalogue as {@code GET /api/plans} shows it; {@code defaultPlan} marks the one new tenants get;
 * {@code entitlements} are its features, limits (members and teams among them) and quotas. */
public record PlanView(
        String id,
        String name,
        BigDecimal price,
        String currency,
        String interval,
        int maxMembers,
        int maxTeams,
        boolean paid,
        boolean defaultPlan,
        List<Entitlement> entitlements) {}
