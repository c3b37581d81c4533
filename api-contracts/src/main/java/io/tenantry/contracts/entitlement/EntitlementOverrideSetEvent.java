package io.tenantry.contracts.entitlement;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A tenant's entitlement {@code key} holds {@code value} (a feature's 1 or 0) instead of its plan's, from the event's
 * time until {@code expiresAt} (none: until removed); set by {@code setBy} for {@code reason}. Replaces any earlier
 * override of that key.
 */
@Revision("1")
public record EntitlementOverrideSetEvent(
        String tenantId,
        String key,
        EntitlementKind kind,
        long value,
        String reason,
        String setBy,
        Instant expiresAt) {}
