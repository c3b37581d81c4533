package io.tenantry.contracts.tenant;

/** One tenant by id, deleted ones included; answers an empty {@code Optional<TenantView>} when unknown. */
public record FindTenantQuery(String tenantId) {}
