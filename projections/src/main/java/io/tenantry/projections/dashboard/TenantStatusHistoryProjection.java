package io.tenantry.projections.dashboard;

import io.tenantry.contracts.tenant.TenantCreatedEvent;
import io.tenantry.contracts.tenant.TenantDeletedEvent;
import io.tenantry.contracts.tenant.TenantProvisionedEvent;
import io.tenantry.contracts.tenant.TenantProvisioningFailedEvent;
import io.tenantry.contracts.tenant.TenantProvisioningStartedEvent;
import io.tenantry.contracts.tenant.TenantReactivatedEvent;
import io.tenantry.contracts.tenant.TenantRestoredEvent;
import io.tenantry.contracts.tenant.TenantStatus;
import io.tenantry.contracts.tenant.TenantSuspendedEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Builds {@link TenantStatusHistory} from the Tenant aggregate's status changes (tracking processor
 * {@value #PROCESSING_GROUP}): the statuses are those the tenants read model shows.
 */
@Component
@ProcessingGroup(TenantStatusHistoryProjection.PROCESSING_GROUP)
class TenantStatusHistoryProjection {

    static final String PROCESSING_GROUP = "tenant-status-history";

    private final TenantStatusHistory history;

    TenantStatusHistoryProjection(TenantStatusHistory history) {
        this.history = history;
    }

    @EventHandler
    void on(TenantCreatedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        history.changed(event.tenantId(), TenantStatus.PENDING_PROVISION, version, at);
    }

    @EventHandler
    void on(TenantProvisioningStartedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        history.changed(event.tenantId(), TenantStatus.PROVISIONING, version, at);
    }

    @EventHandler
    void on(TenantProvisionedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        history.changed(event.tenantId(), TenantStatus.ACTIVE, version, at);
    }

    @EventHandler
    void on(TenantProvisioningFailedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        history.changed(event.tenantId(), TenantStatus.PROVISION_FAILED, version, at);
    }

    @EventHandler
    void on(TenantSuspendedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        history.changed(event.tenantId(), TenantStatus.SUSPENDED, version, at);
    }

    @EventHandler
    void on(TenantReactivatedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        history.changed(event.tenantId(), TenantStatus.ACTIVE, version, at);
    }

    @EventHandler
    void on(TenantDeletedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        history.changed(event.tenantId(), TenantStatus.DELETED, version, at);
    }

    @EventHandler
    void on(TenantRestoredEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        history.changed(event.tenantId(), event.status(), version, at);
    }

    @ResetHandler
    void reset() {
        history.deleteAll();
    }
}
