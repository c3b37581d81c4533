package io.tenantry.projections.dashboard;

import static io.tenantry.projections.SqlTime.instant;
import static io.tenantry.projections.SqlTime.utc;

import io.tenantry.contracts.dashboard.DashboardQueries.ProvisioningFailure;
import io.tenantry.contracts.tenant.TenantStatus;
import io.tenantry.projections.ReadModelWrites;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The provisioning failures read model ({@code provisioning_failure}): one row per failure event, keyed by the
 * event's id. The tenant's name and status are read from the tenants read model when asked, so they are current.
 */
@Repository
public class ProvisioningFailures {

    private final JdbcTemplate jdbc;
    private final ReadModelWrites writes;

    public ProvisioningFailures(JdbcTemplate jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** Records a failure; a second delivery of the same event is ignored. */
    void record(String eventId, String tenantId, String kind, String reason, Instant at) {
        writes.update("""
                insert into provisioning_failure (event_id, tenant_id, kind, reason, failed_at)
                values (?, ?, ?, ?, ?) on conflict (event_id) do nothing""", eventId, tenantId, kind, reason, utc(at));
    }

    void deleteAll() {
        writes.update("delete from provisioning_failure");
    }

    /** Failures on each UTC day since {@code since} (days without any left out). */
    public Map<LocalDate, Long> perDay(Instant since) {
        Map<LocalDate, Long> days = new TreeMap<>();
        jdbc.query(
                """
                select (failed_at at time zone 'UTC')::date as day, count(*) as failures from provisioning_failure
                where failed_at >= ? group by 1
                """,
                rs -> {
                    days.put(rs.getObject("day", LocalDate.class), rs.getLong("failures"));
                },
                utc(since));
        return days;
    }

    /** The newest failures first. */
    public List<ProvisioningFailure> recent(int limit) {
        return jdbc.query(
                """
                select f.event_id, f.tenant_id, f.kind, f.reason, f.failed_at, d.name, d.status
                from provisioning_failure f left join tenant_directory d on d.id = f.tenant_id
                order by f.failed_at desc, f.event_id
                limit ?""",
                (rs, i) -> new ProvisioningFailure(
                        rs.getString("tenant_id"),
                        rs.getString("name"),
                        rs.getString("status") == null ? null : TenantStatus.valueOf(rs.getString("status")),
                        rs.getString("kind"),
                        rs.getString("reason"),
                        instant(rs, "failed_at"),
                        rs.getString("event_id")),
                limit);
    }
}
