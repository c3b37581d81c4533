package io.tenantry.contracts.plan;

import java.math.BigDecimal;

/** A plan of the catalogue as {@code GET /api/plans} shows it; {@code defaultPlan} marks the one new tenants get. */
public record PlanView(
        String id,
        String name,
        BigDecimal price,
        String currency,
        String interval,
        int maxMembers,
        int maxTeams,
        boolean paid,
        boolean defaultPlan) {}
