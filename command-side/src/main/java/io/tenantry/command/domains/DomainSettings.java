package io.tenantry.command.domains;

import java.time.Duration;

/**
 * How verified domains are kept verified: checked again every {@code reverifyInterval}, after a failed check again
 * after {@code retryInterval}, and unverified after {@code maxFailures} failed checks in a row.
 */
public record DomainSettings(Duration reverifyInterval, Duration retryInterval, int maxFailures) {

    public DomainSettings {
        if (reverifyInterval == null || reverifyInterval.isNegative() || reverifyInterval.isZero()) {
            throw new IllegalArgumentException("tenantry.domains.reverify-interval must be positive");
        }
        if (retryInterval == null || retryInterval.isNegative() || retryInterval.isZero()) {
            throw new IllegalArgumentException("tenantry.domains.reverify-retry must be positive");
        }
        if (maxFailures < 1) {
            throw new IllegalArgumentException("tenantry.domains.reverify-max-failures must be 1 or more");
        }
    }

    /** When to check again after a check that left {@code failures} failures in a row. */
    public Duration nextCheckAfter(int failures) {
        return failures == 0 ? reverifyInterval : retryInterval;
    }
}
