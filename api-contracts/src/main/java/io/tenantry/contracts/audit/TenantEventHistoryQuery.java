package io.tenantry.contracts.audit;

/** A page of one tenant's events, oldest first, straight from the event store. Empty when the tenant is unknown. */
public record TenantEventHistoryQuery(String tenantId, int offset, int limit) {
}
