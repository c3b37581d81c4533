package io.tenantry.query.membership;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.PageRequest;
import io.tenantry.contracts.membership.MembershipQueries.TenantsOfIdentityQuery;
import io.tenantry.contracts.membership.MembershipResults.UserTenantPage;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code getTenantsOfIdentity}: the live tenants a user belongs to, with the role; for the user itself or
 * partner-admin.
 */
@RestController
class UserTenantsController {

    private final QueryGateway queries;

    UserTenantsController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "List a user's tenants")
    @GetMapping("/api/users/{userId}/tenants")
    UserTenantPage tenants(
            @PathVariable String userId,
            Caller caller,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        if (!caller.isPartnerAdmin() && !caller.userId().equals(userId)) {
            throw DomainRefusal.forbidden(
                    "forbidden", "Only the user itself (or partner-admin) sees a user's tenants.");
        }
        return queries.query(new TenantsOfIdentityQuery(userId, new PageRequest(offset, limit)), UserTenantPage.class)
                .join();
    }
}
