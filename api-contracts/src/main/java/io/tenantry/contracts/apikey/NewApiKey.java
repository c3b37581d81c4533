package io.tenantry.contracts.apikey;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A key just created, with its {@code secret}: the only time it is shown. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewApiKey(
        String id,
        String tenantId,
        String name,
        String shown,
        List<String> scopes,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        String secret) {}
