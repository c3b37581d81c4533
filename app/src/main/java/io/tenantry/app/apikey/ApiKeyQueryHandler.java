package io.tenantry.app.apikey;

import io.tenantry.contracts.apikey.ApiKeyList;
import io.tenantry.contracts.apikey.ListApiKeysQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Answers the list of a tenant's API keys from {@code tenant_api_key} (the query role's). */
@Component
@Profile("!command")
class ApiKeyQueryHandler {

    private final ApiKeyStore store;

    ApiKeyQueryHandler(ApiKeyStore store) {
        this.store = store;
    }

    @QueryHandler
    ApiKeyList handle(ListApiKeysQuery query) {
        return new ApiKeyList(store.list(query.tenantId(), query.at()));
    }
}
