package io.tenantry.contracts.apikey;

import org.axonframework.serialization.Revision;

/** The tenant's API key {@code keyId} was revoked by {@code revokedBy}. */
@Revision("1")
public record ApiKeyRevokedEvent(String tenantId, String keyId, String revokedBy) {}
