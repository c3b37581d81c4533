package io.tenantry.contracts.subscription;

import java.time.Instant;

/**
 * A subscription's plan and billing, when it started (the anchor of its billing periods) and since when its plan is in
 * force ({@code planSince}: its last plan change, or its start).
 */
public record BillingPosition(
        String tenantId, String planId, BillingLink billing, Instant startedAt, Instant planSince) {}
