package io.tenantry.projections.tenant;

import io.tenantry.contracts.MetaDataKeys;
import io.tenantry.contracts.privacy.PersonalDataErasedEvent;
import io.tenantry.contracts.privacy.SubjectFingerprints;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import io.tenantry.contracts.tenant.TenantDeletedEvent;
import io.tenantry.contracts.tenant.TenantPlanChangedEvent;
import io.tenantry.contracts.tenant.TenantProvisionedEvent;
import io.tenantry.contracts.tenant.TenantProvisioningFailedEvent;
import io.tenantry.contracts.tenant.TenantProvisioningStartedEvent;
import io.tenantry.contracts.tenant.TenantReactivatedEvent;
import io.tenantry.contracts.tenant.TenantRestoredEvent;
import io.tenantry.contracts.tenant.TenantStatus;
import io.tenantry.contracts.tenant.TenantSuspendedEvent;
import io.tenantry.contracts.tenant.TenantUpdatedEvent;
import io.tenantry.contracts.tenant.TenantView;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Builds {@link TenantDirectory} from the Tenant aggregate's events (tracking processor {@value #PROCESSING_GROUP}).
 * The row's version follows the aggregate's, so the ETag a read gives is the one a write expects.
 */
@Component
@ProcessingGroup(TenantDirectoryProjection.PROCESSING_GROUP)
class TenantDirectoryProjection {

    static final String PROCESSING_GROUP = "tenant-directory";
    private static final String TENANT_AGGREGATE = "Tenant";

    private final TenantDirectory directory;
    private final SubjectFingerprints fingerprints;

    TenantDirectoryProjection(TenantDirectory directory, SubjectFingerprints fingerprints) {
        this.directory = directory;
        this.fingerprints = fingerprints;
    }

    @EventHandler
    void on(
            TenantCreatedEvent event,
            @Timestamp Instant at,
            @SequenceNumber long version,
            @MetaDataValue(value = MetaDataKeys.ACTOR_ID, required = false) String actorId) {
        directory.insert(
                new TenantView(
                        event.tenantId(),
                        event.name(),
                        event.slug(),
                        event.tier(),
                        TenantStatus.PENDING_PROVISION,
                        event.contacts(),
                        event.address(),
                        event.industry(),
                        event.settings(),
                        event.leadId(),
                        event.planId(),
                        actorId,
                        at,
                        at,
                        null,
                        version),
                fingerprints::of);
    }

    @EventHandler
    void on(TenantPlanChangedEvent event, @SequenceNumber long version) {
        directory.updatePlan(event.tenantId(), version, event.toPlanId());
    }

    @EventHandler
    void on(TenantUpdatedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.updateProfile(
                event.tenantId(),
                version,
                at,
                event.name(),
                event.slug(),
                event.contacts(),
                event.address(),
                event.industry(),
                event.settings(),
                fingerprints::of);
    }

    @EventHandler
    void on(TenantDeletedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.updateStatus(event.tenantId(), version, at, TenantStatus.DELETED, at);
    }

    @EventHandler
    void on(TenantRestoredEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.updateStatus(event.tenantId(), version, at, event.status(), null);
    }

    @EventHandler
    void on(TenantSuspendedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.updateStatus(event.tenantId(), version, at, TenantStatus.SUSPENDED, null);
    }

    @EventHandler
    void on(TenantReactivatedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.updateStatus(event.tenantId(), version, at, TenantStatus.ACTIVE, null);
    }

    @EventHandler
    void on(TenantProvisioningStartedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.updateStatus(event.tenantId(), version, at, TenantStatus.PROVISIONING, null);
    }

    @EventHandler
    void on(TenantProvisionedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.updateStatus(event.tenantId(), version, at, TenantStatus.ACTIVE, null);
    }

    @EventHandler
    void on(TenantProvisioningFailedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.updateStatus(event.tenantId(), version, at, TenantStatus.PROVISION_FAILED, null);
    }

    @EventHandler
    void on(PersonalDataErasedEvent event) {
        directory.erase(event.subjectId());
    }

    /**
     * Any other event of a tenant (its memberships, say) still moves the row's version, so ETags stay true. Only the
     * message's envelope is read: the payload of an event this model does not otherwise use is never deserialized.
     */
    @EventHandler
    void on(DomainEventMessage<?> message) {
        if (TENANT_AGGREGATE.equals(message.getType())) {
            directory.touch(message.getAggregateIdentifier(), message.getSequenceNumber());
        }
    }

    @ResetHandler
    void reset() {
        directory.deleteAll();
    }
}
