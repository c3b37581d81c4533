package io.tenantry.query.audit;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.audit.AuditEntry;
import io.tenantry.contracts.audit.AuditLogPage;
import io.tenantry.projections.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Reads of a tenant's audit log: a page newest first with the cursor of the next (the position of its last entry,
 * opaque to callers), or every entry of a range, oldest first, handed on as each row is read (an export streams: no
 * query answer could hold millions of entries).
 */
@Component
public class AuditLogReads {

    private static final String CURSOR_PREFIX = "p";

    private final AuditLog log;

    AuditLogReads(AuditLog log) {
        this.log = log;
    }

    /** What to read; a blank actor or action is none, and a range must run forwards. */
    public record Criteria(String tenantId, String actor, String action, Instant from, Instant to) {

        public Criteria {
            if (from != null && to != null && !from.isBefore(to)) {
                throw DomainRefusal.invalid("invalid_range", "'from' must be before 'to'.");
            }
            actor = actor == null || actor.isBlank() ? null : actor.trim();
            action = action == null || action.isBlank() ? null : action.trim();
        }

        AuditLog.Filter filter() {
            return new AuditLog.Filter(tenantId, actor, action, from, to);
        }
    }

    public AuditLogPage page(Criteria criteria, String cursor, int limit) {
        List<AuditEntry> items = log.page(criteria.filter(), cursor == null ? null : position(cursor), limit + 1);
        if (items.size() <= limit) {
            return new AuditLogPage(items, null);
        }
        List<AuditEntry> page = List.copyOf(items.subList(0, limit));
        return new AuditLogPage(page, cursor(page.get(limit - 1).position()));
    }

    public void export(Criteria criteria, Consumer<AuditEntry> sink) {
        log.export(criteria.filter(), sink);
    }

    static String cursor(long position) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((CURSOR_PREFIX + position).getBytes(StandardCharsets.US_ASCII));
    }

    private static long position(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (decoded.startsWith(CURSOR_PREFIX)) {
                long position = Long.parseLong(decoded.substring(CURSOR_PREFIX.length()));
                if (position > 0) {
                    return position;
                }
            }
        } catch (IllegalArgumentException notACursor) {
            // refused below
        }
        throw DomainRefusal.invalid("invalid_cursor", "This cursor is not one a page of this log gave.");
    }
}
