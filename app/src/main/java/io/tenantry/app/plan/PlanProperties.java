package io.tenantry.app.plan;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code tenantry.plans}: the plans on offer and the default plan a tenant without one is on. */
@ConfigurationProperties("tenantry.plans")
public record PlanProperties(String defaultPlan, List<Entry> catalogue) {

    /** One plan: price, limits, and the Stripe price that bills it (none for a free plan). */
    public record Entry(
            String id,
            String name,
            BigDecimal price,
            String currency,
            String interval,
            Integer maxMembers,
            Integer maxTeams,
            String stripePriceId) {}
}
