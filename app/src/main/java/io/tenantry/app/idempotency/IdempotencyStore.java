package io.tenantry.app.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code idempotency_key} table. Claiming a key is one insert that only one request can win (primary key per
 * caller and key); the winner runs the write and records its answer, everyone else reads it.
 */
class IdempotencyStore {

    enum State {
        IN_PROGRESS,
        DONE
    }

    /** What is known of a key. */
    record Entry(String requestHash, State state, int status, String headers, byte[] body, Instant lockedUntil) {}

    private final JdbcTemplate jdbc;
    private final IdempotencyProperties properties;
    private final Clock clock;

    IdempotencyStore(JdbcTemplate jdbc, IdempotencyProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Claims the key for this request, in one statement: a new key, or one whose kept answer has expired (taken over
     * in place); false when another request holds or answered it.
     */
    boolean claim(String caller, String key, String requestHash) {
        Instant now = clock.instant();
        return jdbc.update(
                        """
                insert into idempotency_key (caller, idempotency_key, request_hash, state, locked_until, expires_at)
                values (?, ?, ?, 'IN_PROGRESS', ?, ?)
                on conflict (caller, idempotency_key) do update
                set request_hash = excluded.request_hash, state = 'IN_PROGRESS', status = null, headers = null,
                    body = null, locked_until = excluded.locked_until, expires_at = excluded.expires_at,
                    created_at = now()
                where idempotency_key.expires_at < ?""",
                        caller,
                        key,
                        requestHash,
                        Timestamp.from(now.plus(properties.lockTimeout())),
                        Timestamp.from(now.plus(properties.ttl())),
                        Timestamp.from(now))
                == 1;
    }

    /** Deletes the answers kept past their time (a housekeeping task, not a step of each request); how many. */
    int purgeExpired() {
        return jdbc.update("delete from idempotency_key where expires_at < ?", Timestamp.from(clock.instant()));
    }

    /** Takes over a key whose first request never finished (held past its lock); true if this request now holds it. */
    boolean takeOver(String caller, String key, String requestHash) {
        Instant now = clock.instant();
        return jdbc.update(
                        """
                update idempotency_key set locked_until = ?
                where caller = ? and idempotency_key = ? and request_hash = ? and state = 'IN_PROGRESS'
                  and locked_until < ?""",
                        Timestamp.from(now.plus(properties.lockTimeout())),
                        caller,
                        key,
                        requestHash,
                        Timestamp.from(now))
                == 1;
    }

    Optional<Entry> find(String caller, String key) {
        try {
            return Optional.ofNullable(jdbc.queryForObject(
                    """
                    select request_hash, state, status, headers, body, locked_until from idempotency_key
                    where caller = ? and idempotency_key = ?""",
                    (rs, i) -> new Entry(
                            rs.getString("request_hash"),
                            State.valueOf(rs.getString("state")),
                            rs.getInt("status"),
                            rs.getString("headers"),
                            rs.getBytes("body"),
                            rs.getTimestamp("locked_until").toInstant()),
                    caller,
                    key));
        } catch (EmptyResultDataAccessException e) {
            return Optional.empty();
        }
    }

    void complete(String caller, String key, int status, String headers, byte[] body) {
        jdbc.update("""
                update idempotency_key set state = 'DONE', status = ?, headers = ?, body = ?
                where caller = ? and idempotency_key = ?""", status, headers, body, caller, key);
    }

    /** Gives the key up (the write failed in a way worth retrying): the next request with it runs afresh. */
    void release(String caller, String key) {
        jdbc.update(
                "delete from idempotency_key where caller = ? and idempotency_key = ? and state = 'IN_PROGRESS'",
                caller,
                key);
    }

    Duration waitFor() {
        return properties.waitFor();
    }
}
