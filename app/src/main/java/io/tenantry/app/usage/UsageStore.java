package io.tenantry.app.usage;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The usage tables' writes, in the caller's transaction: records, the daily counters and the meter outbox in one
 * statement.
 */
@Component
@Profile("!query") // usage ingest's, on the command role
class UsageStore {

    /**
     * Every record not yet recorded (by tenant and id) is inserted, and only those are added to their tenant's
     * counter of their key and UTC day and, when metered, queued for Stripe; the ids inserted come back. Records and
     * counters are taken in (tenant, id) and (tenant, key, day) order, so concurrent batches lock rows in one order
     * and never deadlock. A record already recorded, by a concurrent batch too, counts nothing.
     */
    private static final String INGEST = """
            with input (tenant_id, record_id, key, quantity, occurred_at, event_name, customer_id) as (
                select * from unnest(cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]),
                    cast(? as bigint[]), cast(cast(? as varchar[]) as timestamptz[]), cast(? as varchar[]), cast(? as varchar[]))
            ),
            inserted as (
                insert into usage_record (tenant_id, record_id, key, quantity, occurred_at, received_at)
                select tenant_id, record_id, key, quantity, occurred_at, ? from input order by tenant_id, record_id
                on conflict (tenant_id, record_id) do nothing
                returning tenant_id, record_id, key, quantity, occurred_at
            ),
            counted as (
                insert into usage_counter (tenant_id, key, day, quantity)
                select tenant_id, key, cast(occurred_at at time zone 'UTC' as date), sum(quantity) from inserted
                group by 1, 2, 3 order by 1, 2, 3
                on conflict (tenant_id, key, day) do update set quantity = usage_counter.quantity + excluded.quantity
            ),
            metered as (
                insert into usage_meter_outbox
                    (tenant_id, record_id, event_name, customer_id, value, occurred_at, created_at, next_attempt_at)
                select i.tenant_id, i.record_id, n.event_name, n.customer_id, i.quantity, i.occurred_at, ?, ?
                from inserted i join input n on n.tenant_id = i.tenant_id and n.record_id = i.record_id
                where n.event_name is not null
            )
            select count(*) from inserted""";

    private final JdbcTemplate jdbc;

    UsageStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One record to store, with the Stripe meter and customer it is reported to (both null when none). */
    record Row(
            String tenantId,
            String recordId,
            String key,
            long quantity,
            Instant occurredAt,
            String meterEvent,
            String customerId) {}

    /** Stores the rows (distinct by tenant and record id) and answers how many of them were new. */
    int ingest(List<Row> rows, Instant now) {
        Integer inserted = jdbc.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(INGEST)) {
                int n = rows.size();
                String[] tenants = new String[n];
                String[] ids = new String[n];
                String[] keys = new String[n];
                Long[] quantities = new Long[n];
                String[] times = new String[n];
                String[] meters = new String[n];
                String[] customers = new String[n];
                for (int i = 0; i < n; i++) {
                    Row row = rows.get(i);
                    tenants[i] = row.tenantId();
                    ids[i] = row.recordId();
                    keys[i] = row.key();
                    quantities[i] = row.quantity();
                    times[i] = row.occurredAt().toString();
                    meters[i] = row.meterEvent();
                    customers[i] = row.customerId();
                }
                statement.setArray(1, array(connection, "varchar", tenants));
                statement.setArray(2, array(connection, "varchar", ids));
                statement.setArray(3, array(connection, "varchar", keys));
                statement.setArray(4, array(connection, "bigint", quantities));
                statement.setArray(5, array(connection, "varchar", times));
                statement.setArray(6, array(connection, "varchar", meters));
                statement.setArray(7, array(connection, "varchar", customers));
                OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
                statement.setObject(8, at);
                statement.setObject(9, at);
                statement.setObject(10, at);
                try (var result = statement.executeQuery()) {
                    result.next();
                    return result.getInt(1);
                }
            }
        });
        return inserted == null ? 0 : inserted;
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }
}
