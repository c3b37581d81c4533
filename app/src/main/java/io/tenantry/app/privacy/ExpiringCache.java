package io.tenantry.app.privacy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** A small least-recently-used cache whose entries expire: keys must not outlive an erasure for long on any node. */
final class ExpiringCache<K, V> {

    private record Entry<V>(V value, long expiresAtNanos) {
    }

    private final long ttlNanos;
    private final LongSupplier clock;
    private final LinkedHashMap<K, Entry<V>> entries;

    ExpiringCache(Duration ttl, int maximumSize) {
        this(ttl, maximumSize, System::nanoTime);
    }

    ExpiringCache(Duration ttl, int maximumSize, LongSupplier clock) {
        this.ttlNanos = ttl.toNanos();
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > maximumSize;
            }
        };
    }

    /** The cached value, or {@code null} when absent or expired. */
    synchronized V get(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (clock.getAsLong() - entry.expiresAtNanos() >= 0) {
            entries.remove(key);
            return null;
        }
        return entry.value();
    }

    synchronized void put(K key, V value) {
        if (ttlNanos > 0) {
            entries.put(key, new Entry<>(value, clock.getAsLong() + ttlNanos));
        }
    }

    synchronized void remove(K key) {
        entries.remove(key);
    }
}
