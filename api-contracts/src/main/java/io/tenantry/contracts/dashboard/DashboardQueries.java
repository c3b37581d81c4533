package io.tenantry.contracts.dashboard;

import io.tenantry.contracts.lead.LeadQueries.LeadFunnel;
import io.tenantry.contracts.lifecycle.LifecycleNotice;
import io.tenantry.contracts.tenant.TenantStatus;
import io.tenantry.contracts.tenant.TenantTier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The operators' dashboard: figures from the read models and the newest lifecycle events from the event store. */
public final class DashboardQueries {

    private DashboardQueries() {}

    /**
     * Everything the dashboard shows at once; answers {@link DashboardStats}, with at most {@code recentEvents}
     * lifecycle events and {@code recentFailures} provisioning failures, newest first.
     */
    public record DashboardStatsQuery(int recentEvents, int recentFailures) {}

    /**
     * @param tenants              tenants by status, tier and plan
     * @param leads                the onboarding funnel, as {@code GET /api/leads/funnel} answers it
     * @param members              memberships of live tenants
     * @param teams                teams of live tenants
     * @param recentEvents         the newest lifecycle CloudEvents, newest first, each with its {@code position}
     * @param provisioningFailures the newest provisioning and deprovisioning failures, newest first
     * @param tenantsCreatedPerDay tenants created on each of the last {@value #DAYS} days (UTC), oldest first
     * @param failuresPerDay       provisioning and deprovisioning failures on each of the last {@value #DAYS} days
     * @param statusPerDay         how many tenants were in each status at the end of each of the last {@value #DAYS}
     *                             days (today: now), oldest first
     * @param asOf                 when these figures were read
     */
    public record DashboardStats(
            TenantFigures tenants,
            LeadFunnel leads,
            MemberFigures members,
            TeamFigures teams,
            List<LifecycleNotice> recentEvents,
            List<ProvisioningFailure> provisioningFailures,
            List<DayCount> tenantsCreatedPerDay,
            List<DayCount> failuresPerDay,
            List<DayStatuses> statusPerDay,
            Instant asOf) {

        /** How many days the per-day figures cover, today included. */
        public static final int DAYS = 30;

        public DashboardStats {
            recentEvents = List.copyOf(recentEvents);
            provisioningFailures = List.copyOf(provisioningFailures);
            tenantsCreatedPerDay = List.copyOf(tenantsCreatedPerDay);
            failuresPerDay = List.copyOf(failuresPerDay);
            statusPerDay = List.copyOf(statusPerDay);
        }
    }

    /** How many on one day (UTC). */
    public record DayCount(LocalDate day, long count) {}

    /** How many tenants were in each status (every one present) at the end of one day (UTC). */
    public record DayStatuses(LocalDate day, Map<TenantStatus, Long> tenants) {

        public DayStatuses {
            tenants = Collections.unmodifiableMap(new LinkedHashMap<>(tenants));
        }
    }

    /**
     * How many tenants there are. {@code byStatus} counts every tenant, deleted ones under {@code DELETED};
     * {@code byTier}, {@code byPlan} and {@code total} count the live ones (any status but {@code DELETED}).
     * Every status and tier is present, with 0 when none; {@code byPlan} has every plan of the catalogue and any
     * other a tenant is on ({@code none} for a tenant without a plan).
     */
    public record TenantFigures(
            Map<TenantStatus, Long> byStatus, Map<TenantTier, Long> byTier, Map<String, Long> byPlan, long total) {

        public TenantFigures {
            byStatus = Collections.unmodifiableMap(new LinkedHashMap<>(byStatus));
            byTier = Collections.unmodifiableMap(new LinkedHashMap<>(byTier));
            byPlan = Collections.unmodifiableMap(new LinkedHashMap<>(byPlan));
        }
    }

    /** Memberships in live tenants ({@code total}) and the distinct users holding them. */
    public record MemberFigures(long total, long users) {}

    /** Teams in live tenants. */
    public record TeamFigures(long total) {}

    /**
     * One failed provisioning or deprovisioning attempt.
     *
     * @param tenantName   the tenant's current name ({@code null} if the tenants read model does not have it yet)
     * @param tenantStatus the tenant's current status: whether the failure still stands
     * @param kind         {@value #PROVISIONING} or {@value #DEPROVISIONING}
     * @param reason       what the orchestrator, the identity provider or the deadline said
     * @param eventId      the failure event's id in the event store (its lifecycle CloudEvent's {@code id})
     */
    public record ProvisioningFailure(
            String tenantId,
            String tenantName,
            TenantStatus tenantStatus,
            String kind,
            String reason,
            Instant at,
            String eventId) {

        public static final String PROVISIONING = "provisioning";
        public static final String DEPROVISIONING = "deprovisioning";
    }
}
