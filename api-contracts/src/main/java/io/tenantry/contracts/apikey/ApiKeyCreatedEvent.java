package io.tenantry.contracts.apikey;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The tenant has a new API key {@code keyId}, created by {@code createdBy}: what it may do ({@code scopes}), until when
 * ({@code expiresAt}, none: until revoked), how it is shown ({@code shown}: its first characters) and the SHA-256 of its
 * secret ({@code secretHash}, hex), by which a request's key is found. The key belongs to the tenant, not to its
 * creator.
 */
@Revision("1")
public record ApiKeyCreatedEvent(
        String tenantId,
        String keyId,
        String name,
        List<String> scopes,
        Instant expiresAt,
        String shown,
        String secretHash,
        String createdBy) {

    public ApiKeyCreatedEvent {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }
}
