package io.tenantry.contracts.apikey;

import java.time.Instant;

/** The tenant's API keys (revoked and expired ones too), each with its status at {@code at}. */
public record ListApiKeysQuery(String tenantId, Instant at) {}
