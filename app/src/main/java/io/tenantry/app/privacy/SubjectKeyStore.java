package io.tenantry.app.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.tenantry.command.privacy.SubjectKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The data subjects' keys in {@code privacy_subject_key}, wrapped with the key derived from the privacy secret, and
 * cached for a short while. One live key per subject; destroying it is the erasure. A key id is never reused, so
 * a person who comes back after erasure gets a new key that cannot open the old data.
 */
final class SubjectKeyStore implements SubjectKeys {

    private static final String AES = "AES";

    private final JdbcTemplate jdbc;
    private final PrivacySecret secret;
    private final Cache<String, SubjectKey> bySubject;
    private final Cache<String, Optional<SubjectKey>> byKeyId;

    SubjectKeyStore(JdbcTemplate jdbc, PrivacySecret secret, PrivacyProperties properties) {
        this.jdbc = jdbc;
        this.secret = secret;
        this.bySubject = keyCache(properties.keyCacheTtl(), properties.keyCacheSize(), Ticker.systemTicker());
        this.byKeyId = keyCache(properties.keyCacheTtl(), properties.keyCacheSize(), Ticker.systemTicker());
    }

    /**
     * Keys are cached for {@code ttl} after they were read, the longest a node may still decrypt after an erasure
     * elsewhere; a zero {@code ttl} caches nothing.
     */
    static <V> Cache<String, V> keyCache(Duration ttl, int maximumSize, Ticker ticker) {
        return Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(maximumSize)
                .ticker(ticker)
                .build();
    }

    /** The subject's live key, created on first use. Concurrent first uses agree on one key. */
    SubjectKey forSubject(String subjectId) {
        SubjectKey cached = bySubject.getIfPresent(subjectId);
        if (cached != null) {
            return cached;
        }
        String newKeyId = Base64.getUrlEncoder().withoutPadding().encodeToString(Aead.randomBytes(16));
        byte[] newKey = Aead.randomBytes(32);
        jdbc.update("""
                insert into privacy_subject_key (key_id, subject_id, wrapped_key, created_at)
                values (?, ?, ?, now()) on conflict (subject_id) do nothing
                """, newKeyId, subjectId, Aead.seal(secret.wrappingKey(), newKey, associatedData(newKeyId)));
        java.util.Arrays.fill(newKey, (byte) 0);
        SubjectKey key = jdbc.query(
                        "select key_id, wrapped_key from privacy_subject_key where subject_id = ?",
                        (rs, i) -> unwrap(rs.getString("key_id"), rs.getBytes("wrapped_key")),
                        subjectId)
                .get(0);
        afterCommit(() -> {
            bySubject.put(subjectId, key);
            byKeyId.put(key.keyId(), Optional.of(key));
        });
        return key;
    }

    /** The key with this id, or empty once its subject was erased. */
    Optional<SubjectKey> byKeyId(String keyId) {
        Optional<SubjectKey> cached = byKeyId.getIfPresent(keyId);
        if (cached != null) {
            return cached;
        }
        Optional<SubjectKey> key = jdbc
                .query(
                        "select wrapped_key from privacy_subject_key where key_id = ?",
                        (rs, i) -> unwrap(keyId, rs.getBytes("wrapped_key")),
                        keyId)
                .stream()
                .findFirst();
        byKeyId.put(keyId, key);
        return key;
    }

    @Override
    public int destroy(String subjectId) {
        List<String> keyIds = jdbc.queryForList(
                "select key_id from privacy_subject_key where subject_id = ?", String.class, subjectId);
        int destroyed = jdbc.update("delete from privacy_subject_key where subject_id = ?", subjectId);
        Runnable forget = () -> {
            bySubject.invalidate(subjectId);
            byKeyId.invalidateAll(keyIds);
        };
        forget.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // another thread may have cached the key again before this transaction committed
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget.run();
                }
            });
        }
        return destroyed;
    }

    /**
     * Caches only what is committed: a key inserted by a transaction that then rolls back must not be used again,
     * or data sealed with it could never be opened.
     */
    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private SubjectKey unwrap(String keyId, byte[] wrapped) {
        return new SubjectKey(
                keyId, new SecretKeySpec(Aead.open(secret.wrappingKey(), wrapped, associatedData(keyId)), AES));
    }

    private static byte[] associatedData(String keyId) {
        return ("tenantry-subject-key:" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
