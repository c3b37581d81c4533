package io.tenantry.projections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read models' writes while an event processor handles a batch of events: queued in the order they were asked
 * for and sent when the batch commits, consecutive statements of one kind as one JDBC batch (one round trip for
 * hundreds of rows, in the batch's transaction). Outside a batch (a reset, say) a write runs at once.
 *
 * <p>Every write of a read model here is idempotent and guarded by the version it brings, so the order of the queue
 * is all that matters. {@link #updateLast} keeps only the newest of a kind of write per row (a version bump the next
 * one supersedes) and runs it after the queue. A read model that reads while it handles an event calls
 * {@link #flush} first, so it sees its own writes.
 */
@Component
public class ReadModelWrites {

    private static final String PENDING = ReadModelWrites.class.getName() + ".pending";

    private final JdbcTemplate jdbc;

    public ReadModelWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An INSERT, UPDATE or DELETE, run when the batch commits (or now, outside a batch). */
    public void update(String sql, Object... arguments) {
        Pending pending = pending();
        if (pending == null) {
            jdbc.update(sql, arguments);
        } else {
            pending.queue(sql, arguments);
        }
    }

    /**
     * A write that the next one under the same {@code key} supersedes (a row's version bump): only the last is run,
     * after every queued {@link #update}.
     */
    public void updateLast(String key, String sql, Object... arguments) {
        Pending pending = pending();
        if (pending == null) {
            jdbc.update(sql, arguments);
        } else {
            pending.last.put(key, new Statement(sql, arguments));
        }
    }

    /** Runs what is queued now (before a read in the middle of a batch). */
    public void flush() {
        Pending pending = pending();
        if (pending != null) {
            pending.flush(jdbc);
        }
    }

    private Pending pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        if (batch.phase().isAfter(UnitOfWork.Phase.STARTED)) {
            return null; // committing already: nothing would flush a queue started now
        }
        return batch.getOrComputeResource(PENDING, key -> {
            Pending pending = new Pending();
            batch.onPrepareCommit(unitOfWork -> pending.flush(jdbc));
            return pending;
        });
    }

    private record Statement(String sql, Object[] arguments) {}

    private static final class Pending {

        private final List<Statement> queue = new ArrayList<>();
        private final Map<String, Statement> last = new LinkedHashMap<>();

        void queue(String sql, Object[] arguments) {
            queue.add(new Statement(sql, arguments));
        }

        void flush(JdbcTemplate jdbc) {
            List<Statement> all = new ArrayList<>(queue);
            all.addAll(last.values());
            queue.clear();
            last.clear();
            int from = 0;
            while (from < all.size()) {
                String sql = all.get(from).sql();
                int to = from + 1;
                while (to < all.size() && all.get(to).sql().equals(sql)) {
                    to++;
                }
                if (to - from == 1) {
                    jdbc.update(sql, all.get(from).arguments());
                } else {
                    jdbc.batchUpdate(
                            sql,
                            all.subList(from, to).stream()
                                    .map(Statement::arguments)
                                    .toList());
                }
                from = to;
            }
        }
    }
}
