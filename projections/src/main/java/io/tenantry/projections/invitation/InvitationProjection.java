package io.tenantry.projections.invitation;

import io.tenantry.contracts.invitation.InvitationAcceptedEvent;
import io.tenantry.contracts.invitation.InvitationCreatedEvent;
import io.tenantry.contracts.invitation.InvitationExpiredEvent;
import io.tenantry.contracts.invitation.InvitationRevokedEvent;
import io.tenantry.contracts.invitation.InvitationStatus;
import io.tenantry.contracts.privacy.PersonalDataErasedEvent;
import io.tenantry.contracts.privacy.SubjectFingerprints;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Builds {@link InvitationDirectory} from the Invitation aggregate's events (tracking processor {@value
 * #PROCESSING_GROUP}).
 */
@Component
@ProcessingGroup(InvitationProjection.PROCESSING_GROUP)
class InvitationProjection {

    static final String PROCESSING_GROUP = "invitation-directory";

    private final InvitationDirectory directory;
    private final SubjectFingerprints fingerprints;

    InvitationProjection(InvitationDirectory directory, SubjectFingerprints fingerprints) {
        this.directory = directory;
        this.fingerprints = fingerprints;
    }

    @EventHandler
    void on(InvitationCreatedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.insert(
                event.invitationId(),
                event.tenantId(),
                event.email(),
                fingerprints.ofUnlessErased(event.email()),
                event.role(),
                event.invitedBy(),
                event.expiresAt(),
                at,
                version);
    }

    @EventHandler
    void on(InvitationAcceptedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.close(event.invitationId(), InvitationStatus.ACCEPTED, event.userId(), at, version);
    }

    @EventHandler
    void on(InvitationRevokedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.close(event.invitationId(), InvitationStatus.REVOKED, null, at, version);
    }

    @EventHandler
    void on(InvitationExpiredEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.close(event.invitationId(), InvitationStatus.EXPIRED, null, at, version);
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
