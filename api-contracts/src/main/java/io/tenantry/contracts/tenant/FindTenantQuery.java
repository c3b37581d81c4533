package io.tenantry.contracts.tenant;

/** One tenant by id; answers an empty {@code Optional<TenantSummary>} when unknown. */
public record FindTenantQuery(String tenantId) {
}
