package io.tenantry.projections.entitlement;

import io.tenantry.contracts.entitlement.TenantUsage;
import io.tenantry.contracts.entitlement.TenantUsageQuery;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The daily usage counters usage ingest keeps ({@code usage_counter}, one row per tenant, key and UTC day, written in
 * the ingest's own transaction), read by range.
 */
@Component
class UsageCounters {

    private final JdbcTemplate jdbc;

    UsageCounters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    TenantUsage handle(TenantUsageQuery query) {
        List<TenantUsage.Day> days = jdbc.query(
                """
                select key, day, quantity from usage_counter
                where tenant_id = ? and (cast(? as varchar) is null or key = ?) and day >= ? and day <= ?
                order by key, day""",
                (rs, i) -> new TenantUsage.Day(
                        rs.getString("key"), rs.getDate("day").toLocalDate(), rs.getLong("quantity")),
                query.tenantId(),
                query.key(),
                query.key(),
                Date.valueOf(query.from()),
                Date.valueOf(query.to()));
        Map<String, Long> totals = new TreeMap<>();
        days.forEach(day -> totals.merge(day.key(), day.quantity(), Long::sum));
        return new TenantUsage(query.tenantId(), query.from(), query.to(), days, totals);
    }
}
