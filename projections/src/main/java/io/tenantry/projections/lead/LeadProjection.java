package io.tenantry.projections.lead;

import io.tenantry.contracts.lead.LeadConvertedEvent;
import io.tenantry.contracts.lead.LeadCreatedEvent;
import io.tenantry.contracts.lead.LeadExpiredEvent;
import io.tenantry.contracts.lead.LeadLockedEvent;
import io.tenantry.contracts.lead.LeadStatus;
import io.tenantry.contracts.lead.LeadVerificationCodeIssuedEvent;
import io.tenantry.contracts.lead.LeadVerificationFailedEvent;
import io.tenantry.contracts.lead.LeadVerifiedEvent;
import io.tenantry.contracts.privacy.PersonalDataErasedEvent;
import io.tenantry.contracts.privacy.SubjectFingerprints;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Builds {@link LeadDirectory} from the Lead aggregate's events (tracking processor {@value #PROCESSING_GROUP}). */
@Component
@ProcessingGroup(LeadProjection.PROCESSING_GROUP)
class LeadProjection {

    static final String PROCESSING_GROUP = "lead-directory";

    private final LeadDirectory directory;
    private final SubjectFingerprints fingerprints;

    LeadProjection(LeadDirectory directory, SubjectFingerprints fingerprints) {
        this.directory = directory;
        this.fingerprints = fingerprints;
    }

    @EventHandler
    void on(LeadCreatedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.insert(
                event.leadId(),
                event.name(),
                event.email(),
                event.companyName(),
                event.address(),
                fingerprints.ofUnlessErased(event.email()),
                at,
                version);
    }

    @EventHandler
    void on(LeadVerifiedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.status(event.leadId(), LeadStatus.VERIFIED, at, version);
    }

    @EventHandler
    void on(LeadLockedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.status(event.leadId(), LeadStatus.LOCKED, at, version);
    }

    @EventHandler
    void on(LeadExpiredEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.status(event.leadId(), LeadStatus.EXPIRED, at, version);
    }

    @EventHandler
    void on(LeadConvertedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.converted(event.leadId(), event.tenantId(), at, version);
    }

    @EventHandler
    void on(LeadVerificationFailedEvent event, @SequenceNumber long version) {
        directory.touch(event.leadId(), version);
    }

    @EventHandler
    void on(LeadVerificationCodeIssuedEvent event, @SequenceNumber long version) {
        directory.touch(event.leadId(), version);
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
