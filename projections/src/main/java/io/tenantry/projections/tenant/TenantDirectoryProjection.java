package io.tenantry.projections.tenant;

import io.tenantry.contracts.MetaDataKeys;
import io.tenantry.contracts.privacy.PersonalDataErasedEvent;
import io.tenantry.contracts.privacy.SubjectFingerprints;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import io.tenantry.contracts.tenant.TenantStatus;
import io.tenantry.contracts.tenant.TenantSummary;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Builds {@link TenantDirectory} from tenant events (tracking processor {@value #PROCESSING_GROUP}). */
@Component
@ProcessingGroup(TenantDirectoryProjection.PROCESSING_GROUP)
class TenantDirectoryProjection {

    static final String PROCESSING_GROUP = "tenant-directory";

    private final TenantDirectory directory;
    private final SubjectFingerprints fingerprints;

    TenantDirectoryProjection(TenantDirectory directory, SubjectFingerprints fingerprints) {
        this.directory = directory;
        this.fingerprints = fingerprints;
    }

    @EventHandler
    void on(TenantCreatedEvent event,
            @Timestamp Instant occurredAt,
            @SequenceNumber long sequenceNumber,
            @MetaDataValue(value = MetaDataKeys.ACTOR_ID, required = false) String actorId) {
        directory.insert(new TenantSummary(event.tenantId(), event.name(), event.slug(), event.tier(),
                TenantStatus.PENDING_PROVISION, event.contacts(), actorId, occurredAt, occurredAt, sequenceNumber),
                fingerprints::of);
    }

    @EventHandler
    void on(PersonalDataErasedEvent event) {
        directory.erase(event.subjectId());
    }

    @ResetHandler
    void reset() {
        directory.deleteAll();
    }
}
