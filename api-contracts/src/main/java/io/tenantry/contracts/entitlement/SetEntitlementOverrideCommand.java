package io.tenantry.contracts.entitlement;

import io.tenantry.contracts.Caller;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A partner-admin sets an exception to the tenant's plan for one entitlement of the catalogue: a feature on or off
 * ({@code enabled}), a limit or quota to {@code value}; with a reason, and optionally the instant it ends by itself.
 * Setting one again replaces it. Answers the tenant's {@link EffectiveEntitlement} for that key afterwards.
 */
public record SetEntitlementOverrideCommand(
        @TargetAggregateIdentifier String tenantId,
        String key,
        Boolean enabled,
        Long value,
        String reason,
        Instant expiresAt,
        Caller caller) {}
