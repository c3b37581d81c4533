package io.tenantry.query.tenant;

import io.tenantry.contracts.tenant.FindTenantQuery;
import io.tenantry.contracts.tenant.TenantSummary;
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
    Optional<TenantSummary> handle(FindTenantQuery query) {
        return directory.findById(query.tenantId());
    }
}
