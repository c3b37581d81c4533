package io.tenantry.query.dashboard;

import io.tenantry.contracts.dashboard.DashboardQueries.DashboardStats;
import io.tenantry.contracts.dashboard.DashboardQueries.DashboardStatsQuery;
import io.tenantry.contracts.dashboard.DashboardQueries.DayCount;
import io.tenantry.contracts.dashboard.DashboardQueries.DayStatuses;
import io.tenantry.contracts.dashboard.DashboardQueries.TenantFigures;
import io.tenantry.contracts.plan.Plan;
import io.tenantry.contracts.plan.PlanCatalogue;
import io.tenantry.projections.dashboard.ProvisioningFailures;
import io.tenantry.projections.dashboard.TenantStatusHistory;
import io.tenantry.projections.lead.LeadDirectory;
import io.tenantry.projections.membership.MembershipDirectory;
import io.tenantry.projections.tenant.TenantDirectory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The dashboard's figures: counts from the read models (each one aggregate query), tenants by status over time, the newest failures from their
 * read model, the newest lifecycle events from the event store. Each figure is as fresh as its read model.
 */
@Component
class DashboardStatsQueryHandler {

    private final TenantDirectory tenants;
    private final LeadDirectory leads;
    private final MembershipDirectory memberships;
    private final ProvisioningFailures failures;
    private final TenantStatusHistory statusHistory;
    private final RecentLifecycleEvents recentEvents;
    private final PlanCatalogue plans;

    DashboardStatsQueryHandler(
            TenantDirectory tenants,
            LeadDirectory leads,
            MembershipDirectory memberships,
            ProvisioningFailures failures,
            TenantStatusHistory statusHistory,
            RecentLifecycleEvents recentEvents,
            PlanCatalogue plans) {
        this.tenants = tenants;
        this.leads = leads;
        this.memberships = memberships;
        this.failures = failures;
        this.statusHistory = statusHistory;
        this.recentEvents = recentEvents;
        this.plans = plans;
    }

    @QueryHandler
    DashboardStats handle(DashboardStatsQuery query) {
        Instant asOf = Instant.now();
        LocalDate today = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
        LocalDate first = today.minusDays(DashboardStats.DAYS - 1);
        Instant since = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        return new DashboardStats(
                withEveryPlan(tenants.figures()),
                leads.funnel(),
                memberships.memberFigures(),
                memberships.teamFigures(),
                recentEvents.newest(query.recentEvents()),
                failures.recent(query.recentFailures()),
                everyDay(first, today, tenants.createdPerDay(since)),
                everyDay(first, today, failures.perDay(since)),
                statusHistory.perDay(first, today).entrySet().stream()
                        .map(day -> new DayStatuses(day.getKey(), day.getValue()))
                        .toList(),
                asOf);
    }

    /** Every day from {@code first} to {@code last}, with 0 where nothing happened. */
    private static List<DayCount> everyDay(LocalDate first, LocalDate last, Map<LocalDate, Long> counts) {
        List<DayCount> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(new DayCount(day, counts.getOrDefault(day, 0L)));
        }
        return days;
    }

    /** The catalogue's plans first, in its order, with 0 where no tenant is on one; then any other plan in use. */
    private TenantFigures withEveryPlan(TenantFigures figures) {
        Map<String, Long> byPlan = new LinkedHashMap<>();
        for (Plan plan : plans.plans()) {
            byPlan.put(plan.id(), figures.byPlan().getOrDefault(plan.id(), 0L));
        }
        figures.byPlan().forEach(byPlan::putIfAbsent);
        return new TenantFigures(figures.byStatus(), figures.byTier(), byPlan, figures.total());
    }
}
