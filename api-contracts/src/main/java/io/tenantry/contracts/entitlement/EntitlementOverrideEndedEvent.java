package io.tenantry.contracts.entitlement;

import org.axonframework.serialization.Revision;

/**
 * A tenant's override of entitlement {@code key} ended: {@code EXPIRED} (its deadline came) or {@code REMOVED} (by
 * {@code endedBy}, for {@code reason}); the plan's entitlement holds again.
 */
@Revision("1")
public record EntitlementOverrideEndedEvent(String tenantId, String key, Cause cause, String endedBy, String reason) {

    public enum Cause {
        EXPIRED,
        REMOVED
    }
}
