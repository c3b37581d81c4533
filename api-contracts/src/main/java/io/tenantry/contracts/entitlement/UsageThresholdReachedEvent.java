package io.tenantry.contracts.entitlement;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A tenant's usage of a quota reached {@code percent} (80 or 100) of its limit in one period: once per tenant, key,
 * period and threshold. {@code used} and {@code limit} as they were when it was seen; the period is
 * [{@code periodStart}, {@code periodEnd}) in UTC. Published by usage ingest, not by the Tenant aggregate, so it
 * changes no tenant version.
 */
@Revision("1")
public record UsageThresholdReachedEvent(
        String tenantId,
        String key,
        int percent,
        long used,
        long limit,
        Instant periodStart,
        Instant periodEnd,
        Enforcement enforcement) {}
