package io.tenantry.contracts.subscription;

import io.tenantry.contracts.Caller;
import java.time.Instant;

/**
 * Move a tenant to another plan (an OWNER or partner-admin), in one transaction: the tenant checks the caller, the plan
 * and that its members and teams fit, the subscription records the change. The current plan again changes nothing.
 * Answers a {@link PlanChange}.
 */
public record ChangePlanCommand(String tenantId, String planId, String reason, Caller caller, Instant requestedAt) {}
