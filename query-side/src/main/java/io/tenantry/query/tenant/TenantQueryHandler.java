package io.tenantry.query.tenant;

import io.tenantry.contracts.tenant.FindTenantBySlugQuery;
import io.tenantry.contracts.tenant.FindTenantQuery;
import io.tenantry.contracts.tenant.ListTenantsQuery;
import io.tenantry.contracts.tenant.TenantPage;
import io.tenantry.contracts.tenant.TenantView;
import io.tenantry.projections.tenant.TenantDirectory;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Answers tenant queries from the tenants read model. */
@Component
class TenantQueryHandler {

    private final TenantDirectory directory;

    TenantQueryHandler(TenantDirectory directory) {
        this.directory = directory;
    }

    @QueryHandler
    Optional<TenantView> handle(FindTenantQuery query) {
        return directory.findById(query.tenantId());
    }

    @QueryHandler
    Optional<TenantView> handle(FindTenantBySlugQuery query) {
        return directory.findLiveBySlug(query.slug());
    }

    @QueryHandler
    TenantPage handle(ListTenantsQuery query) {
        return directory.list(query);
    }
}
