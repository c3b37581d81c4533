package io.tenantry.projections.membership;

import io.tenantry.contracts.scim.ScimUserBoundEvent;
import io.tenantry.contracts.tenant.MemberAddedEvent;
import io.tenantry.contracts.tenant.MemberReactivatedEvent;
import io.tenantry.contracts.tenant.MemberRemovedEvent;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.MemberRoleChangedEvent;
import io.tenantry.contracts.tenant.MemberSuspendedEvent;
import io.tenantry.contracts.tenant.OwnershipTransferredEvent;
import io.tenantry.contracts.tenant.TeamCreatedEvent;
import io.tenantry.contracts.tenant.TeamDeletedEvent;
import io.tenantry.contracts.tenant.TeamMemberAddedEvent;
import io.tenantry.contracts.tenant.TeamMemberRemovedEvent;
import io.tenantry.contracts.tenant.TeamMemberRoleChangedEvent;
import io.tenantry.contracts.tenant.TeamUpdatedEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Builds {@link MembershipDirectory} from the Tenant aggregate's member and team events. */
@Component
@ProcessingGroup(MembershipProjection.PROCESSING_GROUP)
class MembershipProjection {

    static final String PROCESSING_GROUP = "tenant-membership";

    private final MembershipDirectory directory;

    MembershipProjection(MembershipDirectory directory) {
        this.directory = directory;
    }

    @EventHandler
    void on(MemberAddedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.addMember(event.tenantId(), event.userId(), event.role(), at, version);
    }

    @EventHandler
    void on(MemberRoleChangedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.changeMemberRole(event.tenantId(), event.userId(), event.role(), at, version);
    }

    @EventHandler
    void on(MemberRemovedEvent event) {
        directory.removeMember(event.tenantId(), event.userId());
    }

    @EventHandler
    void on(MemberSuspendedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.suspendMember(event.tenantId(), event.userId(), true, at, version);
    }

    @EventHandler
    void on(MemberReactivatedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.suspendMember(event.tenantId(), event.userId(), false, at, version);
    }

    /** A provisioned member bound to a person: its rows are the person's from now on. */
    @EventHandler
    void on(ScimUserBoundEvent event) {
        directory.rebind(event.tenantId(), event.fromUserId(), event.toUserId());
    }

    @EventHandler
    void on(OwnershipTransferredEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.changeMemberRole(event.tenantId(), event.toUserId(), MemberRole.OWNER, at, version);
        directory.changeMemberRole(event.tenantId(), event.fromUserId(), MemberRole.ADMIN, at, version);
    }

    @EventHandler
    void on(TeamCreatedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.addTeam(event.tenantId(), event.teamId(), event.name(), event.description(), at, version);
    }

    @EventHandler
    void on(TeamUpdatedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.updateTeam(event.teamId(), event.name(), event.description(), at, version);
    }

    @EventHandler
    void on(TeamDeletedEvent event) {
        directory.removeTeam(event.teamId());
    }

    @EventHandler
    void on(TeamMemberAddedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.addTeamMember(event.tenantId(), event.teamId(), event.userId(), event.role(), at, version);
    }

    @EventHandler
    void on(TeamMemberRoleChangedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.changeTeamMemberRole(event.teamId(), event.userId(), event.role(), at, version);
    }

    @EventHandler
    void on(TeamMemberRemovedEvent event) {
        directory.removeTeamMember(event.teamId(), event.userId());
    }

    @ResetHandler
    void reset() {
        directory.deleteAll();
    }
}
