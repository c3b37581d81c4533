package io.tenantry.app.apikey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tenant API keys ({@code tenantry.api-keys.*}).
 *
 * @param cache          how long a process remembers a key it looked up (and one it did not find): a revoked key may
 *                       authenticate for this long on a process that used it just before
 * @param rateLimit      how many requests one key may make per {@code ratePeriod} on one process (a token bucket,
 *                       refilled gradually); beyond it, 429 with {@code Retry-After}
 * @param ratePeriod     the period of {@code rateLimit}
 * @param lastUsedEvery  how often at most a key's {@code lastUsedAt} is written (per process)
 * @param lastUsedFlush  how often the uses noted since are written, together, off the requests' threads
 */
@ConfigurationProperties("tenantry.api-keys")
public record ApiKeyProperties(
        @DefaultValue("5s") Duration cache,
        @DefaultValue("100") long rateLimit,
        @DefaultValue("1s") Duration ratePeriod,
        @DefaultValue("1m") Duration lastUsedEvery,
        @DefaultValue("10s") Duration lastUsedFlush) {

    public ApiKeyProperties {
        if (rateLimit < 1 || ratePeriod.isZero() || ratePeriod.isNegative()) {
            throw new IllegalArgumentException("tenantry.api-keys.rate-limit needs at least 1 per a positive period");
        }
    }
}
