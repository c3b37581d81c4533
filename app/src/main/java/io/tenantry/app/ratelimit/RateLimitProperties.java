package io.tenantry.app.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tenantry.rate-limits.*}: how many calls of each public endpoint a client address (and, where there is one,
 * a lead) may make per period. Buckets live in memory, per node.
 */
@ConfigurationProperties("tenantry.rate-limits")
public record RateLimitProperties(
        Boolean enabled,
        Limit leadCreatePerIp,
        Limit leadVerifyPerIp,
        Limit leadVerifyPerLead,
        Limit leadResendPerIp,
        Limit leadResendPerLead) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        leadCreatePerIp = orDefault(leadCreatePerIp, 10);
        leadVerifyPerIp = orDefault(leadVerifyPerIp, 30);
        leadVerifyPerLead = orDefault(leadVerifyPerLead, 10);
        leadResendPerIp = orDefault(leadResendPerIp, 10);
        leadResendPerLead = orDefault(leadResendPerLead, 3);
    }

    private static Limit orDefault(Limit limit, long perHour) {
        return limit == null ? new Limit(perHour, Duration.ofHours(1)) : limit;
    }

    /** {@code capacity} calls per {@code period}, refilled gradually. */
    public record Limit(long capacity, Duration period) {

        public Limit {
            if (capacity < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate limit needs a capacity of at least 1 and a positive period");
            }
        }
    }
}
