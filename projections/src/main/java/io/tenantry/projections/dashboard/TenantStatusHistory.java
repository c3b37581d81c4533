package io.tenantry.projections.dashboard;

import io.tenantry.contracts.tenant.TenantStatus;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Tenants by status over time ({@code tenant_status_now}, {@code tenant_status_day}): each status change is one
 * statement that moves the tenant from the status it had to the new one on that UTC day, so a day's figures are sums of
 * a few rows however many tenants there are.
 */
@Repository
public class TenantStatusHistory {

    private final JdbcTemplate jdbc;

    public TenantStatusHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The tenant is in {@code status} from {@code at} on (its {@code version}-th event); an event older than the one
     * that set its current status changes nothing, so a redelivery adds nothing.
     */
    void changed(String tenantId, TenantStatus status, long version, Instant at) {
        Date day = Date.valueOf(LocalDate.ofInstant(at, ZoneOffset.UTC));
        // every part of the statement reads the table as it was before it: "previous" is the status being left
        jdbc.update("""
                with previous as (
                    select status from tenant_status_now where tenant_id = ?
                ), moved as (
                    insert into tenant_status_now as now (tenant_id, status, version) values (?, ?, ?)
                    on conflict (tenant_id) do update set status = excluded.status, version = excluded.version
                    where now.version < excluded.version
                    returning 1
                ), changes as (
                    select ?::varchar as status, 1 as tenants
                    where exists (select 1 from moved)
                    union all
                    select status, -1 from previous where exists (select 1 from moved)
                )
                insert into tenant_status_day (day, status, tenants)
                select ?, status, sum(tenants) from changes group by status
                on conflict (day, status) do update set tenants = tenant_status_day.tenants + excluded.tenants""", tenantId, tenantId, status.name(), version, status.name(), day);
    }

    void deleteAll() {
        jdbc.update("delete from tenant_status_day");
        jdbc.update("delete from tenant_status_now");
    }

    /**
     * How many tenants were in each status at the end of every UTC day from {@code first} to {@code last}, every
     * status present (0 where none).
     */
    public Map<LocalDate, Map<TenantStatus, Long>> perDay(LocalDate first, LocalDate last) {
        Map<TenantStatus, Long> running = new EnumMap<>(TenantStatus.class);
        for (TenantStatus status : TenantStatus.values()) {
            running.put(status, 0L);
        }
        jdbc.query(
                "select status, sum(tenants) as tenants from tenant_status_day where day < ? group by status",
                rs -> {
                    running.merge(TenantStatus.valueOf(rs.getString("status")), rs.getLong("tenants"), Long::sum);
                },
                Date.valueOf(first));
        Map<LocalDate, Map<TenantStatus, Long>> changes = new LinkedHashMap<>();
        jdbc.query(
                "select day, status, tenants from tenant_status_day where day between ? and ?",
                rs -> {
                    changes.computeIfAbsent(
                                    rs.getObject("day", LocalDate.class), day -> new EnumMap<>(TenantStatus.class))
                            .merge(TenantStatus.valueOf(rs.getString("status")), rs.getLong("tenants"), Long::sum);
                },
                Date.valueOf(first),
                Date.valueOf(last));
        Map<LocalDate, Map<TenantStatus, Long>> days = new LinkedHashMap<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            changes.getOrDefault(day, Map.of()).forEach((status, change) -> running.merge(status, change, Long::sum));
            days.put(day, new EnumMap<>(running));
        }
        return days;
    }
}
