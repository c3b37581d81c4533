package io.tenantry.app.apikey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.apikey.ApiKeySecrets;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Authenticates a request's tenant API key: its shape and checksum first (no lookup for a typo or a forgery), then its
 * hash, looked up in {@code tenant_api_key} and remembered for {@code tenantry.api-keys.cache} (found or not), its
 * expiry, and the key's own rate limit. Uses are noted for {@link ApiKeyUses}; nothing here writes on the request's
 * thread.
 */
public class ApiKeyAuthenticator {

    /** The key was not accepted: unknown, revoked, expired, or of a deleted tenant (they are told apart by no one). */
    static final class Refused extends RuntimeException {
        Refused() {
            super("The API key is unknown, revoked or expired.", null, false, false);
        }
    }

    /** The key made more requests than its rate limit allows; it may try again in {@code retryAfterSeconds}. */
    static final class Throttled extends RuntimeException {
        final long retryAfterSeconds;

        Throttled(long retryAfterSeconds) {
            super("This API key made too many requests; retry in " + retryAfterSeconds + " s.", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    private final ApiKeyStore store;
    private final ApiKeyUses uses;
    private final ApiKeyProperties properties;
    private final Clock clock;
    private final Cache<ByteBuffer, Optional<ApiKeyStore.StoredKey>> keys;
    private final Cache<String, Bucket> buckets;

    ApiKeyAuthenticator(ApiKeyStore store, ApiKeyUses uses, ApiKeyProperties properties, Clock clock) {
        this.store = store;
        this.uses = uses;
        this.properties = properties;
        this.clock = clock;
        boolean remember = !properties.cache().isZero() && !properties.cache().isNegative();
        Caffeine<Object, Object> keyCache = Caffeine.newBuilder().maximumSize(remember ? 100_000 : 0);
        if (remember) {
            keyCache.expireAfterWrite(properties.cache());
        }
        this.keys = keyCache.build();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();
    }

    /** The caller the key stands for; {@link Refused} or {@link Throttled} otherwise. */
    Caller authenticate(String secret) {
        if (!ApiKeySecrets.wellFormed(secret)) {
            throw new Refused();
        }
        ApiKeyStore.StoredKey key = keys.get(
                        ByteBuffer.wrap(ApiKeySecrets.hash(secret)), hash -> store.find(hash.array()))
                .orElseThrow(Refused::new);
        Instant now = clock.instant();
        if (key.expiresAt() != null && !key.expiresAt().isAfter(now)) {
            throw new Refused();
        }
        ConsumptionProbe probe = buckets.get(key.keyId(), id -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new Throttled(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
        }
        uses.used(key.keyId(), now);
        return Caller.apiKey(key.keyId(), key.tenantId(), key.scopes());
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(properties.rateLimit())
                        .refillGreedy(properties.rateLimit(), properties.ratePeriod())
                        .build())
                .build();
    }
}
