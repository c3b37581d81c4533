package io.tenantry.contracts.entitlement;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A tenant's usage per UTC day and key (days without usage left out), ordered by key then day, and the sum of each
 * key over the days asked for.
 */
public record TenantUsage(String tenantId, LocalDate from, LocalDate to, List<Day> days, Map<String, Long> totals) {

    /** The quantity counted for {@code key} on one UTC day. */
    public record Day(String key, LocalDate day, long quantity) {}
}
