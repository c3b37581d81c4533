package io.tenantry.projections.scim;

import io.tenantry.contracts.privacy.PersonalDataErasedEvent;
import io.tenantry.contracts.privacy.SubjectFingerprints;
import io.tenantry.contracts.scim.ScimUserBoundEvent;
import io.tenantry.contracts.scim.ScimUserProvisionedEvent;
import io.tenantry.contracts.scim.ScimUserUpdatedEvent;
import io.tenantry.contracts.tenant.MemberReactivatedEvent;
import io.tenantry.contracts.tenant.MemberRemovedEvent;
import io.tenantry.contracts.tenant.MemberSuspendedEvent;
import io.tenantry.contracts.tenant.TeamCreatedEvent;
import io.tenantry.contracts.tenant.TeamDeletedEvent;
import io.tenantry.contracts.tenant.TeamMemberAddedEvent;
import io.tenantry.contracts.tenant.TeamMemberRemovedEvent;
import io.tenantry.contracts.tenant.TeamMemberRoleChangedEvent;
import io.tenantry.contracts.tenant.TeamUpdatedEvent;
import io.tenantry.projections.scim.ScimDirectory.ScimUserRow;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Builds {@link ScimDirectory} from the Tenant aggregate's SCIM, member and team events, in the membership read
 * models' processing group ({@value #PROCESSING_GROUP}), so a SCIM read and a membership read agree. A user's and a
 * group's version move with the same events as in the aggregate, so {@code meta.version} is the same on both sides.
 */
@Component
@ProcessingGroup(ScimProjection.PROCESSING_GROUP)
class ScimProjection {

    static final String PROCESSING_GROUP = "tenant-membership";

    private final ScimDirectory directory;
    private final SubjectFingerprints fingerprints;

    ScimProjection(ScimDirectory directory, SubjectFingerprints fingerprints) {
        this.directory = directory;
        this.fingerprints = fingerprints;
    }

    @EventHandler
    void on(ScimUserProvisionedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.provision(
                new ScimUserRow(
                        event.tenantId(),
                        event.scimId(),
                        event.userId(),
                        event.userName(),
                        fingerprints.ofUnlessErased(event.userName()),
                        event.externalId(),
                        event.displayName(),
                        event.givenName(),
                        event.familyName()),
                at,
                version);
    }

    @EventHandler
    void on(ScimUserUpdatedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.update(
                new ScimUserRow(
                        event.tenantId(),
                        event.scimId(),
                        event.userId(),
                        event.userName(),
                        fingerprints.ofUnlessErased(event.userName()),
                        event.externalId(),
                        event.displayName(),
                        event.givenName(),
                        event.familyName()),
                at,
                version);
    }

    @EventHandler
    void on(MemberSuspendedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.memberChanged(event.tenantId(), event.userId(), at, version);
    }

    @EventHandler
    void on(MemberReactivatedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.memberChanged(event.tenantId(), event.userId(), at, version);
    }

    @EventHandler
    void on(ScimUserBoundEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.bind(event.scimId(), event.toUserId(), at, version);
    }

    @EventHandler
    void on(MemberRemovedEvent event) {
        directory.memberRemoved(event.tenantId(), event.userId());
    }

    @EventHandler
    void on(TeamCreatedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.groupCreated(event.tenantId(), event.teamId(), at, version);
    }

    @EventHandler
    void on(TeamUpdatedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.groupChanged(event.teamId(), at, version);
    }

    @EventHandler
    void on(TeamDeletedEvent event) {
        directory.groupDeleted(event.teamId());
    }

    @EventHandler
    void on(TeamMemberAddedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.groupChanged(event.teamId(), at, version);
    }

    @EventHandler
    void on(TeamMemberRemovedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.groupChanged(event.teamId(), at, version);
    }

    @EventHandler
    void on(TeamMemberRoleChangedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.groupChanged(event.teamId(), at, version);
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
