package io.tenantry.projections.entitlement;

import io.tenantry.contracts.entitlement.EffectiveEntitlement;
import io.tenantry.contracts.entitlement.EntitlementKind;
import io.tenantry.contracts.entitlement.EntitlementOverride;
import io.tenantry.contracts.entitlement.Entitlements;
import io.tenantry.contracts.entitlement.QuotaPeriod;
import io.tenantry.contracts.membership.MembershipResults.TenantAccess;
import io.tenantry.contracts.plan.Plan;
import io.tenantry.contracts.plan.PlanCatalogue;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.TenantStatus;
import io.tenantry.projections.ReadModelWrites;
import io.tenantry.projections.SqlTime;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What each tenant is entitled to now: its plan's entitlements (the catalogue's) with the overrides that hold
 * ({@code tenant_entitlement_override}, kept by the tenant-directory processor), and how much of each quota and limit
 * is used. Expired overrides count for nothing even before their end is recorded.
 */
@Component
public class EntitlementDirectory {

    private final JdbcTemplate jdbc;
    private final ReadModelWrites writes;
    private final PlanCatalogue plans;

    EntitlementDirectory(JdbcTemplate jdbc, ReadModelWrites writes, PlanCatalogue plans) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.plans = plans;
    }

    /** A tenant's effective entitlements and its plan. */
    public record TenantEntitlements(String tenantId, String planId, Map<String, EffectiveEntitlement> entitlements) {

        public Optional<EffectiveEntitlement> get(String key) {
            return Optional.ofNullable(entitlements.get(key));
        }
    }

    /**
     * One entitlement as the hot check reads it: the caller's access to the tenant, the entitlement (empty when the
     * tenant has no such entitlement), and the usage that counts against it ({@code null} where nothing is counted).
     */
    public record Check(TenantAccess access, String planId, Optional<EffectiveEntitlement> entitlement, Long used) {}

    /** The tenant's effective entitlements at {@code at}; empty for an unknown tenant. */
    public Optional<TenantEntitlements> effective(String tenantId, Instant at) {
        List<String> planIds =
                jdbc.queryForList("select plan_id from tenant_directory where id = ?", String.class, tenantId);
        if (planIds.isEmpty()) {
            return Optional.empty();
        }
        Plan plan = plans.planOrDefault(planIds.get(0));
        List<EntitlementOverride> overrides = jdbc.query(
                "select * from tenant_entitlement_override where tenant_id = ?",
                (rs, i) -> override(rs, rs.getString("key")),
                tenantId);
        return Optional.of(new TenantEntitlements(tenantId, plan.id(), Entitlements.effective(plan, overrides, at)));
    }

    /**
     * What counts against each of these entitlements at {@code at}: a quota's usage in its period, the members or
     * teams a tenant has for those limits; in one statement. Keys with nothing counted are absent.
     */
    public Map<String, Long> used(String tenantId, Collection<EffectiveEntitlement> entitlements, Instant at) {
        LocalDate month = QuotaPeriod.MONTH.start(at);
        LocalDate today = QuotaPeriod.DAY.start(at);
        Map<String, Long> used = new HashMap<>();
        jdbc.query(
                """
                select key,
                    coalesce(sum(quantity) filter (where day >= ?), 0) as used_month,
                    coalesce(sum(quantity) filter (where day = ?), 0) as used_day
                from usage_counter where tenant_id = ? and day >= ?
                group by key
                union all select 'members', count(*), count(*) from tenant_member where tenant_id = ?
                union all select 'teams', count(*), count(*) from tenant_team where tenant_id = ?""",
                rs -> {
                    used.put(rs.getString("key") + "/month", rs.getLong("used_month"));
                    used.put(rs.getString("key") + "/day", rs.getLong("used_day"));
                },
                Date.valueOf(month),
                Date.valueOf(today),
                tenantId,
                Date.valueOf(month),
                tenantId,
                tenantId);
        Map<String, Long> counted = new HashMap<>();
        for (EffectiveEntitlement e : entitlements) {
            if (e.kind() == EntitlementKind.QUOTA) {
                counted.put(
                        e.key(), used.getOrDefault(e.key() + (e.period() == QuotaPeriod.DAY ? "/day" : "/month"), 0L));
            } else if (e.kind() == EntitlementKind.LIMIT
                    && (e.key().equals(Plan.MEMBERS) || e.key().equals(Plan.TEAMS))) {
                counted.put(e.key(), used.getOrDefault(e.key() + "/month", 0L));
            }
        }
        return counted;
    }

    /** Usage of {@code key} in the period of {@code period} that {@code at} falls in. */
    public long used(String tenantId, String key, QuotaPeriod period, Instant at) {
        Long used = jdbc.queryForObject(
                """
                select coalesce(sum(quantity), 0) from usage_counter
                where tenant_id = ? and key = ? and day >= ? and day < ?""", Long.class, tenantId, key, Date.valueOf(period.start(at)), Date.valueOf(period.end(at)));
        return used == null ? 0 : used;
    }

    /**
     * The hot check, in one indexed statement: the caller's access, the tenant's plan, its override of {@code key},
     * and the usage of {@code key} today and this month (a quota's) or the members or teams it has (a limit's).
     */
    public Optional<Check> check(String tenantId, String key, String callerId, Instant at) {
        LocalDate today = QuotaPeriod.DAY.start(at);
        LocalDate month = QuotaPeriod.MONTH.start(at);
        return jdbc
                .query(
                        """
                select d.status, d.plan_id, c.role as caller_role,
                    o.kind, o.value, o.reason, o.set_by, o.set_at, o.expires_at,
                    (select coalesce(sum(u.quantity), 0) from usage_counter u
                        where u.tenant_id = d.id and u.key = ? and u.day >= ?) as used_month,
                    (select coalesce(sum(u.quantity), 0) from usage_counter u
                        where u.tenant_id = d.id and u.key = ? and u.day = ?) as used_day,
                    case ? when 'members' then (select count(*) from tenant_member m where m.tenant_id = d.id)
                           when 'teams' then (select count(*) from tenant_team t where t.tenant_id = d.id)
                    end as used_limit
                from tenant_directory d
                left join tenant_member c on c.tenant_id = d.id and c.user_id = ?
                left join tenant_entitlement_override o on o.tenant_id = d.id and o.key = ?
                where d.id = ?""",
                        (rs, i) -> check(rs, tenantId, key, at),
                        key,
                        Date.valueOf(month),
                        key,
                        Date.valueOf(today),
                        key,
                        callerId,
                        key,
                        tenantId)
                .stream()
                .findFirst();
    }

    private Check check(ResultSet rs, String tenantId, String key, Instant at) throws SQLException {
        String callerRole = rs.getString("caller_role");
        TenantAccess access = new TenantAccess(
                tenantId,
                TenantStatus.valueOf(rs.getString("status")),
                callerRole == null ? null : MemberRole.valueOf(callerRole));
        Plan plan = plans.planOrDefault(rs.getString("plan_id"));
        List<EntitlementOverride> overrides = rs.getString("kind") == null ? List.of() : List.of(override(rs, key));
        Optional<EffectiveEntitlement> entitlement =
                Optional.ofNullable(Entitlements.effective(plan, overrides, at).get(key));
        Long used = entitlement
                .map(e -> switch (e.kind()) {
                    case QUOTA -> readLong(rs, e.period() == QuotaPeriod.DAY ? "used_day" : "used_month");
                    case LIMIT -> readLong(rs, "used_limit");
                    case FEATURE -> null;
                })
                .orElse(null);
        return new Check(access, plan.id(), entitlement, used);
    }

    private static Long readLong(ResultSet rs, String column) {
        try {
            long value = rs.getLong(column);
            return rs.wasNull() ? null : value;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EntitlementOverride override(ResultSet rs, String key) throws SQLException {
        return new EntitlementOverride(
                key,
                EntitlementKind.valueOf(rs.getString("kind")),
                rs.getLong("value"),
                rs.getString("reason"),
                rs.getString("set_by"),
                SqlTime.instant(rs, "set_at"),
                SqlTime.instant(rs, "expires_at"));
    }

    // the writes, from the tenant-directory processor

    void set(String tenantId, EntitlementOverride override, long version) {
        writes.update(
                """
                insert into tenant_entitlement_override
                    (tenant_id, key, kind, value, reason, set_by, set_at, expires_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, key) do update set kind = excluded.kind, value = excluded.value,
                    reason = excluded.reason, set_by = excluded.set_by, set_at = excluded.set_at,
                    expires_at = excluded.expires_at, version = excluded.version
                where tenant_entitlement_override.version < excluded.version""",
                tenantId,
                override.key(),
                override.kind().name(),
                override.value(),
                override.reason(),
                override.setBy(),
                SqlTime.utc(override.setAt()),
                override.expiresAt() == null ? null : SqlTime.utc(override.expiresAt()),
                version);
    }

    void end(String tenantId, String key, long version) {
        writes.update(
                "delete from tenant_entitlement_override where tenant_id = ? and key = ? and version < ?",
                tenantId,
                key,
                version);
    }

    void deleteAll() {
        writes.update("delete from tenant_entitlement_override");
    }
}
