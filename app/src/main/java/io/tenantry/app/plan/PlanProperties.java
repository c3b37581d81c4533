package io.tenantry.app.plan;

import io.tenantry.contracts.entitlement.Enforcement;
import io.tenantry.contracts.entitlement.QuotaPeriod;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code tenantry.plans}: the plans on offer and the default plan a tenant without one is on. */
@ConfigurationProperties("tenantry.plans")
public record PlanProperties(String defaultPlan, List<Entry> catalogue) {

    /**
     * One plan: price, the Stripe price that bills it (none for a free plan), and its entitlements: member and team
     * limits, the features it turns on, further limits, and quotas per period.
     */
    public record Entry(
            String id,
            String name,
            BigDecimal price,
            String currency,
            String interval,
            Integer maxMembers,
            Integer maxTeams,
            String stripePriceId,
            List<String> features,
            Map<String, Long> limits,
            Map<String, Quota> quotas) {}

    /**
     * A quota: {@code limit} uses per {@code period} (default a month), held {@code hard} (default) or {@code soft};
     * {@code stripe-meter}: the event name of the Stripe billing meter its usage is reported to.
     */
    public record Quota(Long limit, QuotaPeriod period, Enforcement enforcement, String stripeMeter) {}
}
