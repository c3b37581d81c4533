package io.tenantry.contracts.entitlement;

import java.time.Instant;

/**
 * A partner-admin's exception to a tenant's plan: a feature granted or revoked, a limit or quota raised or lowered;
 * who set it, why, and when it ends by itself ({@code expiresAt}, none: until removed).
 */
public record EntitlementOverride(
        String key, EntitlementKind kind, long value, String reason, String setBy, Instant setAt, Instant expiresAt) {

    /** Whether it still holds at {@code at}: set by then and not yet expired. */
    public boolean holdsAt(Instant at) {
        return !setAt.isAfter(at) && (expiresAt == null || at.isBefore(expiresAt));
    }
}
