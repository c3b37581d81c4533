package io.tenantry.contracts.tenant;

/** The live (not deleted) tenant with this slug; an empty {@code Optional<TenantView>} when none. */
public record FindTenantBySlugQuery(String slug) {}
