package io.tenantry.projections.entitlement;

import io.tenantry.contracts.entitlement.EntitlementOverride;
import io.tenantry.contracts.entitlement.EntitlementOverrideEndedEvent;
import io.tenantry.contracts.entitlement.EntitlementOverrideSetEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps the overrides that hold in {@link EntitlementDirectory}, in the tenant directory's processing group: a
 * tenant's plan and its overrides are read together and move with the same events' order.
 */
@Component
@ProcessingGroup("tenant-directory")
class EntitlementOverrideProjection {

    private final EntitlementDirectory directory;

    EntitlementOverrideProjection(EntitlementDirectory directory) {
        this.directory = directory;
    }

    @EventHandler
    void on(EntitlementOverrideSetEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.set(
                event.tenantId(),
                new EntitlementOverride(
                        event.key(), event.kind(), event.value(), event.reason(), event.setBy(), at, event.expiresAt()),
                version);
    }

    @EventHandler
    void on(EntitlementOverrideEndedEvent event, @SequenceNumber long version) {
        directory.end(event.tenantId(), event.key(), version);
    }

    @ResetHandler
    void reset() {
        directory.deleteAll();
    }
}
