package io.tenantry.query.apikey;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.apikey.ApiKeyList;
import io.tenantry.contracts.apikey.ApiKeyScopes;
import io.tenantry.contracts.apikey.ListApiKeysQuery;
import io.tenantry.query.tenant.TenantReadAccess;
import java.time.Instant;
import java.util.Map;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's API keys as its OWNERs and ADMINs see them (never a secret), and the scopes a key may have. */
@RestController
class ApiKeyQueryController {

    private final QueryGateway queries;
    private final TenantReadAccess access;

    ApiKeyQueryController(QueryGateway queries, TenantReadAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @Operation(summary = "List a tenant's API keys (OWNER, ADMIN): first characters, scopes, creator, last use")
    @GetMapping("/api/tenants/{tenantId}/api-keys")
    ApiKeyList list(@PathVariable String tenantId, Caller caller) {
        access.requireManager(caller, tenantId);
        return queries.query(new ListApiKeysQuery(tenantId, Instant.now()), ApiKeyList.class)
                .join();
    }

    @Operation(summary = "The scopes an API key may have, with what each opens")
    @GetMapping("/api/api-keys/scopes")
    Map<String, String> scopes() {
        return ApiKeyScopes.ALL;
    }
}
