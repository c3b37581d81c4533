package io.tenantry.contracts.tenant;

import java.util.List;

/** A page of tenants: {@code total} match in all, these start at {@code offset}. */
public record TenantPage(List<TenantView> items, long total, int offset, int limit) {

    public TenantPage {
        items = List.copyOf(items);
    }
}
