package io.tenantry.app.usage;

import io.tenantry.contracts.entitlement.EffectiveEntitlement;
import io.tenantry.contracts.entitlement.EntitlementKind;
import io.tenantry.contracts.entitlement.QuotaPeriod;
import io.tenantry.contracts.entitlement.UsageThresholdReachedEvent;
import io.tenantry.projections.entitlement.EntitlementDirectory;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The 80 % and 100 % thresholds of a tenant's quotas, soft and hard alike: after each ingest, every quota period the
 * batch's records fall in whose usage has reached a threshold with no row in {@code usage_threshold} yet gets its row
 * and a {@link UsageThresholdReachedEvent}, both in the ingest's transaction. So a threshold is reported once per
 * tenant, key, period and percent, and one that an earlier ingest reached without reporting (its limit lowered since,
 * say) is reported by the next ingest of that key.
 */
@Component
@Profile("!query") // usage ingest's, on the command role
class UsageThresholds {

    /** The percentages of a quota's limit reported when usage reaches them. */
    static final List<Integer> PERCENTS = List.of(80, 100);

    private final EntitlementDirectory directory;
    private final JdbcTemplate jdbc;
    private final EventGateway events;

    UsageThresholds(EntitlementDirectory directory, JdbcTemplate jdbc, EventGateway events) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Checks the periods of {@code usages}' quotas; runs in the ingest's transaction. */
    void check(String tenantId, Map<String, EffectiveEntitlement> entitlements, List<UsageIngest.Usage> usages) {
        Map<String, Period> periods = new TreeMap<>();
        for (UsageIngest.Usage usage : usages) {
            EffectiveEntitlement quota = entitlements.get(usage.key());
            if (quota == null || quota.kind() != EntitlementKind.QUOTA || quota.limit() == null || quota.limit() <= 0) {
                continue;
            }
            LocalDate start = quota.period().start(usage.at());
            periods.putIfAbsent(usage.key() + "/" + start, new Period(quota, usage.at()));
        }
        periods.values().forEach(period -> check(tenantId, period));
    }

    private void check(String tenantId, Period period) {
        EffectiveEntitlement quota = period.quota();
        QuotaPeriod kind = quota.period();
        long limit = quota.limit();
        long used = directory.used(tenantId, quota.key(), kind, period.at());
        for (int percent : PERCENTS) {
            if (used < atLeast(limit, percent)) {
                return;
            }
            int recorded = jdbc.update(
                    """
                    insert into usage_threshold (tenant_id, key, period, period_start, percent, used, quota, reached_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict do nothing""",
                    tenantId,
                    quota.key(),
                    kind.name(),
                    Date.valueOf(kind.start(period.at())),
                    percent,
                    used,
                    limit,
                    OffsetDateTime.now(ZoneOffset.UTC));
            if (recorded == 1) {
                events.publish(new UsageThresholdReachedEvent(
                        tenantId,
                        quota.key(),
                        percent,
                        used,
                        limit,
                        kind.startInstant(period.at()),
                        kind.endInstant(period.at()),
                        quota.enforcement()));
            }
        }
    }

    /** The least usage that is {@code percent} % of {@code limit} (rounded up), without overflow. */
    static long atLeast(long limit, int percent) {
        return limit / 100 * percent + (limit % 100 * percent + 99) / 100;
    }

    private record Period(EffectiveEntitlement quota, Instant at) {}
}
