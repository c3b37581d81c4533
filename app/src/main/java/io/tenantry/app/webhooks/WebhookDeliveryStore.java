package io.tenantry.app.webhooks;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** The deliveries ({@code webhook_delivery}): queued by the processor and replays, claimed and settled by senders. */
final class WebhookDeliveryStore {

    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String FAILED = "FAILED";

    private final JdbcTemplate jdbc;

    WebhookDeliveryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One delivery to queue: due at {@code dueAt}, given up at {@code giveUpAt}. */
    record Queued(
            String id,
            String endpointId,
            String eventId,
            String eventType,
            long position,
            byte[] body,
            Instant dueAt,
            Instant giveUpAt) {}

    /**
     * Queues them once, in one round trip: a delivery already there (the same endpoint, event and type) stays as it
     * is; one of an endpoint deleted meanwhile is not queued.
     */
    void queue(List<Queued> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                """
                insert into webhook_delivery (id, endpoint_id, event_id, event_type, event_position, body, status,
                                              next_attempt_at, give_up_at, created_at)
                select ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?
                 where exists (select 1 from webhook_endpoint where endpoint_id = ?)
                on conflict (id) do nothing""",
                deliveries.stream()
                        .map(delivery -> new Object[] {
                            delivery.id(),
                            delivery.endpointId(),
                            delivery.eventId(),
                            delivery.eventType(),
                            delivery.position(),
                            delivery.body(),
                            Timestamp.from(delivery.dueAt()),
                            Timestamp.from(delivery.giveUpAt()),
                            Timestamp.from(delivery.dueAt()),
                            delivery.endpointId()
                        })
                        .toList());
    }

    /** Queues them again (a replay), in one round trip: a delivery already there is due now again, with its id. */
    void requeue(List<Queued> deliveries) {
        jdbc.batchUpdate(
                REQUEUE,
                deliveries.stream()
                        .map(delivery -> new Object[] {
                            delivery.id(),
                            delivery.endpointId(),
                            delivery.eventId(),
                            delivery.eventType(),
                            delivery.position(),
                            delivery.body(),
                            Timestamp.from(delivery.dueAt()),
                            Timestamp.from(delivery.giveUpAt()),
                            Timestamp.from(delivery.dueAt())
                        })
                        .toList());
    }

    private static final String REQUEUE = """
                insert into webhook_delivery (id, endpoint_id, event_id, event_type, event_position, body, status,
                                              next_attempt_at, give_up_at, created_at)
                values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)
                on conflict (id) do update
                   set status = 'PENDING', next_attempt_at = excluded.next_attempt_at,
                       give_up_at = excluded.give_up_at""";

    /** Makes one delivery of the endpoint due now again; false when the endpoint has no such delivery. */
    boolean resend(String endpointId, String deliveryId, Instant now, Instant giveUpAt) {
        return jdbc.update("""
                        update webhook_delivery set status = 'PENDING', next_attempt_at = ?, give_up_at = ?
                         where id = ? and endpoint_id = ?""", Timestamp.from(now), Timestamp.from(giveUpAt), deliveryId, endpointId) == 1;
    }

    /** A delivery claimed for an attempt, with what the attempt needs of its endpoint. */
    record Claimed(
            String id,
            String endpointId,
            String tenantId,
            byte[] body,
            int attempts,
            Instant giveUpAt,
            String url,
            byte[] secret,
            byte[] previousSecret,
            Instant previousValidUntil) {}

    /**
     * Claims up to {@code limit} due deliveries of enabled endpoints but {@code busy} ones, in one statement: each is
     * moved a lease ahead (due again then, should this sender die) and skipped by every other sender meanwhile.
     */
    List<Claimed> claim(int limit, Collection<String> busy, Instant now, Instant leaseUntil) {
        return jdbc.execute((ConnectionCallback<List<Claimed>>) connection -> {
            Array busyIds = connection.createArrayOf("varchar", busy.toArray());
            try (var statement = connection.prepareStatement("""
                    with due as (
                        select d.id from webhook_delivery d
                          join webhook_endpoint e on e.endpoint_id = d.endpoint_id
                         where d.status = 'PENDING' and d.next_attempt_at <= ? and e.enabled and e.tenant_live
                           and not (d.endpoint_id = any (?))
                         order by d.next_attempt_at
                         limit ?
                           for update of d skip locked)
                    update webhook_delivery d set next_attempt_at = ?
                      from due, webhook_endpoint e
                     where d.id = due.id and e.endpoint_id = d.endpoint_id
                    returning d.id, d.endpoint_id, e.tenant_id, d.body, d.attempts, d.give_up_at, e.url, e.secret,
                              e.previous_secret, e.previous_valid_until""")) {
                statement.setTimestamp(1, Timestamp.from(now));
                statement.setArray(2, busyIds);
                statement.setInt(3, limit);
                statement.setTimestamp(4, Timestamp.from(leaseUntil));
                List<Claimed> claimed = new ArrayList<>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Timestamp previousUntil = rows.getTimestamp(10);
                        claimed.add(new Claimed(
                                rows.getString(1),
                                rows.getString(2),
                                rows.getString(3),
                                rows.getBytes(4),
                                rows.getInt(5),
                                rows.getTimestamp(6).toInstant(),
                                rows.getString(7),
                                rows.getBytes(8),
                                rows.getBytes(9),
                                previousUntil == null ? null : previousUntil.toInstant()));
                    }
                }
                return claimed;
            }
        });
    }

    /** Gives claimed deliveries back without an attempt (their endpoint is at its limit): due again at {@code at}. */
    void release(List<String> ids, Instant at) {
        jdbc.batchUpdate(
                "update webhook_delivery set next_attempt_at = ? where id = ? and status = 'PENDING'",
                ids.stream().map(id -> new Object[] {Timestamp.from(at), id}).toList());
    }

    /** The outcome of one attempt, and what follows: DELIVERED, FAILED, or PENDING again at {@code nextAttemptAt}. */
    record Outcome(
            String id,
            String endpointId,
            String tenantId,
            boolean success,
            String status,
            int attempts,
            Instant attemptedAt,
            Integer responseCode,
            long latencyMs,
            String error,
            Instant nextAttemptAt) {}

    /** Records attempts in one batch, and whether each endpoint is failing since (or no longer). */
    void settle(List<Outcome> outcomes) {
        jdbc.batchUpdate(
                """
                update webhook_delivery
                   set status = ?, attempts = ?, last_attempt_at = ?, last_response_code = ?, last_latency_ms = ?,
                       last_error = ?, next_attempt_at = ?
                 where id = ?""",
                outcomes.stream()
                        .map(outcome -> new Object[] {
                            outcome.status(),
                            outcome.attempts(),
                            Timestamp.from(outcome.attemptedAt()),
                            outcome.responseCode(),
                            outcome.latencyMs(),
                            outcome.error(),
                            Timestamp.from(outcome.nextAttemptAt()),
                            outcome.id()
                        })
                        .toList());
        List<Object[]> succeeded = new ArrayList<>();
        List<Object[]> failed = new ArrayList<>();
        outcomes.stream()
                .filter(Outcome::success)
                .map(Outcome::endpointId)
                .distinct()
                .forEach(id -> succeeded.add(new Object[] {id}));
        outcomes.stream()
                .filter(outcome -> !outcome.success())
                .filter(outcome -> outcomes.stream()
                        .noneMatch(
                                other -> other.success() && other.endpointId().equals(outcome.endpointId())))
                .map(outcome -> new Object[] {Timestamp.from(outcome.attemptedAt()), outcome.endpointId()})
                .forEach(failed::add);
        jdbc.batchUpdate(
                "update webhook_endpoint set failing_since = null where endpoint_id = ? and failing_since is not null",
                succeeded);
        jdbc.batchUpdate(
                "update webhook_endpoint set failing_since = ? where endpoint_id = ? and failing_since is null",
                failed);
    }

    /** An enabled endpoint failing since before {@code since}; {@code tenantId} null for a platform one. */
    record Failing(String endpointId, String tenantId, String url) {}

    List<Failing> failingSince(Instant since) {
        return jdbc.query(
                "select endpoint_id, tenant_id, url from webhook_endpoint where enabled and failing_since <= ?",
                (row, n) -> new Failing(row.getString(1), row.getString(2), row.getString(3)),
                Timestamp.from(since));
    }

    /** The tenant's name and primary contact's address, for the mail that says its endpoint was disabled. */
    record Contact(String tenantName, String email) {}

    List<Contact> primaryContact(String tenantId) {
        return jdbc.query("""
                select d.name, c.email from tenant_directory d
                  join tenant_contact c on c.tenant_id = d.id and c.is_primary
                 where d.id = ?""", (row, n) -> new Contact(row.getString(1), row.getString(2)), tenantId);
    }
}
