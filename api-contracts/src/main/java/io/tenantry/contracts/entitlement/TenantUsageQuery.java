package io.tenantry.contracts.entitlement;

import java.time.LocalDate;

/** A tenant's daily usage counters from {@code from} to {@code to} (UTC days, both included); one key or all. */
public record TenantUsageQuery(String tenantId, String key, LocalDate from, LocalDate to) {}
