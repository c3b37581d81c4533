package io.tenantry.app.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets (bucket4j) per limit and key, kept in memory; the least recently used are dropped beyond
 * {@value #MAX_BUCKETS} keys, so a flood of addresses cannot exhaust memory.
 */
final class RateLimiter {

    static final int MAX_BUCKETS = 100_000;

    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_BUCKETS;
        }
    };

    /** Takes one call from the bucket of {@code limit} for {@code key}; throws when it is empty. */
    void consume(String what, String name, String key, RateLimitProperties.Limit limit) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(
                    name + '|' + key,
                    k -> Bucket.builder()
                            .addLimit(Bandwidth.builder()
                                    .capacity(limit.capacity())
                                    .refillGreedy(limit.capacity(), limit.period())
                                    .build())
                            .build());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new TooManyRequestsException(what, seconds);
        }
    }
}
