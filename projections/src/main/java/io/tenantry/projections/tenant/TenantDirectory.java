package io.tenantry.projections.tenant;

import static io.tenantry.projections.SqlTime.instant;
import static io.tenantry.projections.SqlTime.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantry.contracts.PageRequest;
import io.tenantry.contracts.dashboard.DashboardQueries.TenantFigures;
import io.tenantry.contracts.privacy.Erasure;
import io.tenantry.contracts.tenant.FindTenantBySlugQuery;
import io.tenantry.contracts.tenant.FindTenantQuery;
import io.tenantry.contracts.tenant.ListTenantsQuery;
import io.tenantry.contracts.tenant.TenantAddress;
import io.tenantry.contracts.tenant.TenantContact;
import io.tenantry.contracts.tenant.TenantPage;
import io.tenantry.contracts.tenant.TenantStatus;
import io.tenantry.contracts.tenant.TenantTier;
import io.tenantry.contracts.tenant.TenantView;
import io.tenantry.projections.ReadModelWrites;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The tenants read model: {@code tenant_directory} and its {@code tenant_contact} rows. Every change is guarded by
 * the aggregate version it brings ({@code version < ?}), so a redelivered or replayed event changes nothing; contacts
 * carry the fingerprint of their address so an erasure can find them. It answers the tenant queries itself.
 */
@Repository
public class TenantDirectory {

    /** The {@link TenantFigures#byPlan()} key of tenants without a plan. */
    public static final String NO_PLAN = "none";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> SETTINGS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ReadModelWrites writes;

    public TenantDirectory(JdbcTemplate jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** Records a new tenant; a second delivery of the same event is ignored (its contacts too). */
    void insert(TenantView tenant, Function<String, String> fingerprintOfEmail) {
        writes.update(
                """
                insert into tenant_directory (id, name, slug, tier, status, created_by, created_at, updated_at, version,
                    address, industry, settings, lead_id, plan_id, deleted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, cast(? as jsonb), ?, ?, ?)
                on conflict (id) do nothing""",
                tenant.id(),
                tenant.name(),
                tenant.slug(),
                tenant.tier().name(),
                tenant.status().name(),
                tenant.createdBy(),
                utc(tenant.createdAt()),
                utc(tenant.updatedAt()),
                tenant.version(),
                json(tenant.address()),
                tenant.industry(),
                json(tenant.settings()),
                tenant.leadId(),
                tenant.planId(),
                utc(tenant.deletedAt()));
        insertContacts(tenant.id(), tenant.contacts(), fingerprintOfEmail, tenant.version());
    }

    /** Replaces the profile, if this event is newer than what the row shows. */
    void updateProfile(
            String id,
            long version,
            Instant at,
            String name,
            String slug,
            List<TenantContact> contacts,
            TenantAddress address,
            String industry,
            Map<String, String> settings,
            Function<String, String> fingerprintOfEmail) {
        writes.update("""
                update tenant_directory set name = ?, slug = ?, address = cast(? as jsonb), industry = ?,
                    settings = cast(? as jsonb), updated_at = ?, version = ?
                where id = ? and version < ?
                """, name, slug, json(address), industry, json(settings), utc(at), version, id, version);
        // the contacts follow the profile only where the row now carries this event's version (the update applied,
        // or this is the same event again); a newer profile already there keeps its own
        writes.update("""
                delete from tenant_contact where tenant_id = ?
                and exists (select 1 from tenant_directory where id = ? and version = ?)""", id, id, version);
        insertContacts(id, contacts, fingerprintOfEmail, version);
    }

    /** Moves the tenant to a status; {@code deletedAt} is set on deletion and cleared otherwise. */
    void updateStatus(String id, long version, Instant at, TenantStatus status, Instant deletedAt) {
        writes.update("""
                update tenant_directory set status = ?, deleted_at = ?, updated_at = ?, version = ?
                where id = ? and version < ?""", status.name(), utc(deletedAt), utc(at), version, id, version);
    }

    /** Another event of the tenant (a membership, say): only the version moves; the tenant itself did not change. */
    /** The tenant's plan is another, if this event is newer than what the row shows (the plan is no profile change). */
    void updatePlan(String id, long version, String planId) {
        writes.update(
                "update tenant_directory set plan_id = ?, version = ? where id = ? and version < ?",
                planId,
                version,
                id,
                version);
    }

    void touch(String id, long version) {
        writes.updateLast(
                "tenant_directory.version " + id,
                "update tenant_directory set version = ? where id = ? and version < ?",
                version,
                id,
                version);
    }

    /** Replaces everything a person's contact rows say about them with the erasure marker. */
    int erase(String subjectFingerprint) {
        writes.flush(); // the count below is of the rows as the batch has them so far
        return jdbc.update("""
                update tenant_contact
                set name = case when name is null then null else ? end, email = ?,
                    phone = case when phone is null then null else ? end, email_fingerprint = null
                where email_fingerprint = ?""", Erasure.MARKER, Erasure.MARKER, Erasure.MARKER, subjectFingerprint);
    }

    void deleteAll() {
        writes.update("delete from tenant_contact");
        writes.update("delete from tenant_directory");
    }

    /** A tenant by id, deleted or not. */
    @QueryHandler
    public Optional<TenantView> find(FindTenantQuery query) {
        return first(jdbc.query("select * from tenant_directory where id = ?", TenantDirectory::row, query.tenantId()));
    }

    /** The live tenant with this slug. */
    @QueryHandler
    public Optional<TenantView> find(FindTenantBySlugQuery query) {
        return first(jdbc.query(
                "select * from tenant_directory where slug = ? and status <> 'DELETED'",
                TenantDirectory::row,
                query.slug()));
    }

    @QueryHandler
    public TenantPage list(ListTenantsQuery query) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> arguments = new ArrayList<>();
        if (query.status() != null) {
            where.append(" and status = ?");
            arguments.add(query.status().name());
        } else if (!query.includeDeleted()) {
            where.append(" and status <> 'DELETED'");
        }
        if (query.tier() != null) {
            where.append(" and tier = ?");
            arguments.add(query.tier().name());
        }
        if (query.planId() != null) {
            where.append(" and plan_id = ?");
            arguments.add(query.planId());
        }
        if (query.text() != null && !query.text().isBlank()) {
            String pattern = "%"
                    + query.text()
                            .trim()
                            .toLowerCase()
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_") + "%";
            where.append(" and (lower(name) like ? or slug like ?)");
            arguments.add(pattern);
            arguments.add(pattern);
        }
        if (query.visibleTo() != null) {
            where.append(" and exists (select 1 from tenant_member m where m.tenant_id = tenant_directory.id"
                    + " and m.user_id = ?)");
            arguments.add(query.visibleTo());
        }
        Long total =
                jdbc.queryForObject("select count(*) from tenant_directory" + where, Long.class, arguments.toArray());
        PageRequest page = query.page();
        List<Object> pageArguments = new ArrayList<>(arguments);
        pageArguments.add(page.limit());
        pageArguments.add(page.offset());
        List<TenantView> rows = jdbc.query(
                "select * from tenant_directory" + where + " order by created_at desc, id limit ? offset ?",
                TenantDirectory::row,
                pageArguments.toArray());
        return new TenantPage(withContacts(rows), total == null ? 0 : total, page.offset(), page.limit());
    }

    /** Tenants created on each UTC day since {@code since} (days without any left out). */
    public Map<LocalDate, Long> createdPerDay(Instant since) {
        Map<LocalDate, Long> days = new TreeMap<>();
        jdbc.query(
                """
                select (created_at at time zone 'UTC')::date as day, count(*) as tenants from tenant_directory
                where created_at >= ? group by 1
                """,
                rs -> {
                    days.put(rs.getObject("day", LocalDate.class), rs.getLong("tenants"));
                },
                utc(since));
        return days;
    }

    /**
     * Tenants by status (all of them, deleted ones under DELETED), and live ones by tier and by plan ({@code none} for
     * a tenant without one): one pass over {@code tenant_directory_figures_idx}.
     */
    public TenantFigures figures() {
        Map<TenantStatus, Long> byStatus = new EnumMap<>(TenantStatus.class);
        Map<TenantTier, Long> byTier = new EnumMap<>(TenantTier.class);
        Map<String, Long> byPlan = new TreeMap<>();
        for (TenantStatus status : TenantStatus.values()) {
            byStatus.put(status, 0L);
        }
        for (TenantTier tier : TenantTier.values()) {
            byTier.put(tier, 0L);
        }
        long[] live = {0};
        jdbc.query(
                "select status, tier, plan_id, count(*) as tenants from tenant_directory"
                        + " group by status, tier, plan_id",
                rs -> {
                    TenantStatus status = TenantStatus.valueOf(rs.getString("status"));
                    long tenants = rs.getLong("tenants");
                    byStatus.merge(status, tenants, Long::sum);
                    if (status != TenantStatus.DELETED) {
                        live[0] += tenants;
                        byTier.merge(TenantTier.valueOf(rs.getString("tier")), tenants, Long::sum);
                        String plan = rs.getString("plan_id");
                        byPlan.merge(plan == null ? NO_PLAN : plan, tenants, Long::sum);
                    }
                });
        return new TenantFigures(byStatus, byTier, byPlan, live[0]);
    }

    private Optional<TenantView> first(List<TenantView> rows) {
        return withContacts(rows).stream().findFirst();
    }

    private List<TenantView> withContacts(List<TenantView> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        String placeholders = String.join(",", Collections.nCopies(rows.size(), "?"));
        Map<String, List<TenantContact>> contacts = new LinkedHashMap<>();
        jdbc.query(
                "select * from tenant_contact where tenant_id in (" + placeholders + ") order by tenant_id, position",
                rs -> {
                    contacts.computeIfAbsent(rs.getString("tenant_id"), k -> new ArrayList<>())
                            .add(new TenantContact(
                                    rs.getString("name"),
                                    rs.getString("email"),
                                    rs.getString("phone"),
                                    rs.getBoolean("is_primary")));
                },
                rows.stream().map(TenantView::id).toArray());
        return rows.stream()
                .map(row -> new TenantView(
                        row.id(),
                        row.name(),
                        row.slug(),
                        row.tier(),
                        row.status(),
                        contacts.getOrDefault(row.id(), List.of()),
                        row.address(),
                        row.industry(),
                        row.settings(),
                        row.leadId(),
                        row.planId(),
                        row.createdBy(),
                        row.createdAt(),
                        row.updatedAt(),
                        row.deletedAt(),
                        row.version()))
                .collect(Collectors.toList());
    }

    /**
     * The contacts of the event with this version, where the tenant's row carries that version (else a newer one won).
     */
    private void insertContacts(
            String tenantId, List<TenantContact> contacts, Function<String, String> fingerprintOfEmail, long version) {
        for (int position = 0; position < contacts.size(); position++) {
            TenantContact contact = contacts.get(position);
            writes.update(
                    """
                    insert into tenant_contact (tenant_id, position, name, email, phone, is_primary, email_fingerprint)
                    select ?, ?, ?, ?, ?, ?, ? where exists (select 1 from tenant_directory where id = ? and version =
                    ?)
                    on conflict (tenant_id, position) do nothing""",
                    tenantId,
                    position,
                    contact.name(),
                    contact.email(),
                    contact.phone(),
                    contact.primary(),
                    Erasure.MARKER.equals(contact.email()) ? null : fingerprintOfEmail.apply(contact.email()),
                    tenantId,
                    version);
        }
    }

    private static TenantView row(ResultSet rs, int rowNumber) throws SQLException {
        return new TenantView(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("slug"),
                TenantTier.valueOf(rs.getString("tier")),
                TenantStatus.valueOf(rs.getString("status")),
                List.of(),
                read(rs.getString("address"), TenantAddress.class),
                rs.getString("industry"),
                readSettings(rs.getString("settings")),
                rs.getString("lead_id"),
                rs.getString("plan_id"),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "deleted_at"),
                rs.getLong("version"));
    }

    private static String json(Object value) {
        try {
            return value == null ? null : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot store " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return json == null ? null : JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tenant_directory holds unreadable JSON", e);
        }
    }

    private static Map<String, String> readSettings(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, SETTINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tenant_directory holds unreadable settings", e);
        }
    }
}
