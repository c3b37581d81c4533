package io.tenantry.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The key caches forget a key at their time to live, so no node decrypts for longer after an erasure elsewhere. */
class SubjectKeyCacheTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void forgetsKeysAfterTheirTimeToLive() {
        Cache<String, String> cache = SubjectKeyStore.keyCache(Duration.ofSeconds(60), 10, now::get);
        cache.put("k", "v");

        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(cache.getIfPresent("k")).isEqualTo("v");
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(cache.getIfPresent("k")).isNull();
    }

    @Test
    void holdsNoMoreThanItsSize() {
        Cache<String, String> cache = SubjectKeyStore.keyCache(Duration.ofSeconds(60), 2, now::get);
        for (int i = 0; i < 100; i++) {
            cache.put("k" + i, "v" + i);
        }
        cache.cleanUp();

        assertThat(cache.estimatedSize()).isLessThanOrEqualTo(2);
    }

    @Test
    void cachesNothingWithAZeroTimeToLive() {
        Cache<String, String> cache = SubjectKeyStore.keyCache(Duration.ZERO, 10, now::get);
        cache.put("k", "v");

        assertThat(cache.getIfPresent("k")).isNull();
    }
}
