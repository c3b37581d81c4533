package io.tenantry.contracts.apikey;

import io.tenantry.contracts.Caller;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An OWNER or ADMIN creates a key of the tenant: {@code name}, {@code scopes}, an optional end; the secret itself never
 * reaches the aggregate, only its hash and the part shown in lists.
 */
public record CreateApiKeyCommand(
        @TargetAggregateIdentifier String tenantId,
        String keyId,
        String name,
        List<String> scopes,
        Instant expiresAt,
        String shown,
        String secretHash,
        Caller caller) {}
