package io.tenantry.contracts.apikey;

import java.util.List;

/** A tenant's API keys, newest first. */
public record ApiKeyList(List<ApiKeyView> keys) {

    public ApiKeyList {
        keys = List.copyOf(keys);
    }
}
