package io.tenantry.app.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tenantry.idempotency.*}: how long a key's first answer is kept ({@code ttl}), how long a retry waits for a
 * first request still running before it answers 409 ({@code wait}), and after how long a first request that never
 * finished (its node died) gives its key up to a retry ({@code lock-timeout}).
 */
@ConfigurationProperties("tenantry.idempotency")
public record IdempotencyProperties(Duration ttl, Duration waitFor, Duration lockTimeout) {

    public IdempotencyProperties {
        ttl = ttl == null ? Duration.ofHours(24) : ttl;
        waitFor = waitFor == null ? Duration.ofSeconds(10) : waitFor;
        lockTimeout = lockTimeout == null ? Duration.ofSeconds(60) : lockTimeout;
    }
}
