package io.tenantry.contracts.plan;

import java.math.BigDecimal;

/** A plan of the catalogue: its price and the limits it sets on a tenant. */
public record Plan(
        String id,
        String name,
        BigDecimal price,
        String currency,
        String interval,
        int maxMembers,
        int maxTeams,
        String stripePriceId) {}
