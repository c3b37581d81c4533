package io.tenantry.projections.audit;

import io.tenantry.contracts.audit.AuditEntry;
import io.tenantry.projections.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tenants' audit logs ({@code tenant_audit_log}): written once per event ({@code on conflict do nothing}, so a
 * batch processed again adds nothing), read newest first by page, or oldest first as a stream.
 */
@Repository
public class AuditLog {

    private static final String COLUMNS = "event_id, position, tenant_id, occurred_at, actor_id, actor_type,"
            + " impersonator_id, action, target_type, target_id, correlation_id, origin_ip, user_agent";
    private static final RowMapper<AuditEntry> ENTRY = AuditLog::entry;
    /** Rows fetched at a time while streaming an export: memory stays flat however long the range. */
    private static final int EXPORT_FETCH = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    AuditLog(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** What to read: everything of a tenant, or the entries of one actor, of one action (or prefix), in a time range. */
    public record Filter(String tenantId, String actorId, String action, Instant from, Instant to) {}

    /**
     * Adds the entry once. Its position is the event's global index as the event store holds it, read in the same
     * statement: the token a processor hands over is not always exactly the event's own (it was one ahead on some
     * events processed live, and a rebuild must give the same log).
     */
    void add(AuditEntry entry) {
        jdbc.update(
                "insert into tenant_audit_log (" + COLUMNS + ") select ?, coalesce((select global_index from"
                        + " domain_event_entry where event_identifier = ?), ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                        + " on conflict (event_id) do nothing",
                entry.id(),
                entry.id(),
                entry.position(),
                entry.tenantId(),
                SqlTime.utc(entry.time()),
                entry.actorId(),
                entry.actorType().name(),
                entry.impersonatorId(),
                entry.action(),
                entry.targetType(),
                entry.targetId(),
                entry.correlationId(),
                entry.originIp(),
                entry.userAgent());
    }

    void deleteAll() {
        jdbc.update("delete from tenant_audit_log");
    }

    /** Up to {@code limit} entries before position {@code before} (none: from the newest), newest first. */
    public List<AuditEntry> page(Filter filter, Long before, int limit) {
        List<Object> arguments = new ArrayList<>();
        String where = where(filter, arguments);
        if (before != null) {
            where += " and position < ?";
            arguments.add(before);
        }
        arguments.add(limit);
        return jdbc.query(
                "select " + COLUMNS + " from tenant_audit_log where " + where + " order by position desc limit ?",
                ENTRY,
                arguments.toArray());
    }

    /** Every entry of the filter, oldest first, handed to {@code sink} as it is read from the database. */
    public void export(Filter filter, Consumer<AuditEntry> sink) {
        List<Object> arguments = new ArrayList<>();
        String where = where(filter, arguments);
        // a cursor, not a result held in memory: PostgreSQL streams rows in a transaction with a fetch size
        readOnly.executeWithoutResult(status -> jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(
                            "select " + COLUMNS + " from tenant_audit_log where " + where + " order by position");
                    statement.setFetchSize(EXPORT_FETCH);
                    for (int i = 0; i < arguments.size(); i++) {
                        statement.setObject(i + 1, arguments.get(i));
                    }
                    return statement;
                },
                row -> {
                    sink.accept(entry(row, 0));
                }));
    }

    private static String where(Filter filter, List<Object> arguments) {
        StringBuilder where = new StringBuilder("tenant_id = ?");
        arguments.add(filter.tenantId());
        if (filter.actorId() != null) {
            where.append(" and actor_id = ?");
            arguments.add(filter.actorId());
        }
        if (filter.action() != null) {
            if (filter.action().endsWith("*")) {
                where.append(" and action like ?");
                arguments.add(filter.action()
                                .substring(0, filter.action().length() - 1)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_")
                        + "%");
            } else {
                where.append(" and action = ?");
                arguments.add(filter.action());
            }
        }
        if (filter.from() != null) {
            where.append(" and occurred_at >= ?");
            arguments.add(SqlTime.utc(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and occurred_at < ?");
            arguments.add(SqlTime.utc(filter.to()));
        }
        return where.toString();
    }

    private static AuditEntry entry(ResultSet row, int rowNumber) throws SQLException {
        return new AuditEntry(
                row.getString("event_id"),
                row.getLong("position"),
                row.getString("tenant_id"),
                SqlTime.instant(row, "occurred_at"),
                row.getString("actor_id"),
                AuditEntry.ActorType.valueOf(row.getString("actor_type")),
                row.getString("impersonator_id"),
                row.getString("action"),
                row.getString("target_type"),
                row.getString("target_id"),
                row.getString("correlation_id"),
                row.getString("origin_ip"),
                row.getString("user_agent"));
    }
}
