package io.tenantry.contracts.apikey;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A tenant API key as lists show it: never its secret, only its first characters ({@code shown}); {@code lastUsedAt}
 * is written at most once a minute; {@code status} is ACTIVE, EXPIRED or REVOKED.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyView(
        String id,
        String tenantId,
        String name,
        String shown,
        List<String> scopes,
        String status,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        String revokedBy,
        Instant revokedAt) {}
