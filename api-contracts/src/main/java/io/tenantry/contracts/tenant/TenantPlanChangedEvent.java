package io.tenantry.contracts.tenant;

import org.axonframework.serialization.Revision;

/**
 * The tenant is now held to another plan's limits. The subscription records the change itself, with its actor and
 * reason ({@code PlanChangedEvent}), in the same transaction.
 */
@Revision("1")
public record TenantPlanChangedEvent(String tenantId, String fromPlanId, String toPlanId) {}
