package io.tenantry.app.apikey;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When each key was last used, written without slowing its requests: a use is noted in memory when the key's last
 * noted use is at least {@code tenantry.api-keys.last-used-every} old, and the noted uses are written together every
 * {@code last-used-flush}, off the requests' threads. So a key's row is written at most once per period per process.
 */
class ApiKeyUses {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyUses.class);

    private final ApiKeyStore store;
    private final long everyMillis;
    private final Map<String, Long> noted = new ConcurrentHashMap<>();
    private final Map<String, Instant> pending = new ConcurrentHashMap<>();

    ApiKeyUses(ApiKeyStore store, ApiKeyProperties properties) {
        this.store = store;
        this.everyMillis = properties.lastUsedEvery().toMillis();
    }

    void used(String keyId, Instant at) {
        long now = at.toEpochMilli();
        Long last = noted.get(keyId);
        if (last != null && now - last < everyMillis) {
            return;
        }
        if (last == null ? noted.putIfAbsent(keyId, now) == null : noted.replace(keyId, last, now)) {
            pending.put(keyId, at);
        }
    }

    /** Writes the uses noted since the last flush; on failure they are kept for the next. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Instant> batch = new HashMap<>();
        for (String keyId : pending.keySet()) {
            Instant at = pending.remove(keyId);
            if (at != null) {
                batch.put(keyId, at);
            }
        }
        try {
            store.used(batch);
        } catch (RuntimeException e) {
            batch.forEach(pending::putIfAbsent);
            log.warn("The last uses of {} API keys were not written this time: {}", batch.size(), e.toString());
        }
    }
}
