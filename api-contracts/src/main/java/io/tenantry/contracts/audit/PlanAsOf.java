package io.tenantry.contracts.audit;

import java.time.Instant;

/**
 * The plan a tenant was on at {@code asOf}: since when, and the change that put it there ({@code null} fields when it
 * was the plan the tenant was created on).
 */
public record PlanAsOf(
        String tenantId,
        Instant asOf,
        String planId,
        Instant since,
        String changedBy,
        String reason,
        String correlationId) {}
