package io.tenantry.app.privacy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiringCacheTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void forgetsEntriesAfterTheirTimeToLive() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(60), 10, now::get);
        cache.put("k", "v");

        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(cache.get("k")).isEqualTo("v");
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(cache.get("k")).isNull();
    }

    @Test
    void dropsTheLeastRecentlyUsedBeyondItsSize() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(60), 2, now::get);
        cache.put("a", "1");
        cache.put("b", "2");
        cache.get("a");
        cache.put("c", "3");

        assertThat(cache.get("a")).isEqualTo("1");
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("c")).isEqualTo("3");
    }

    @Test
    void cachesNothingWithAZeroTimeToLive() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ZERO, 10, now::get);
        cache.put("k", "v");

        assertThat(cache.get("k")).isNull();
    }
}
