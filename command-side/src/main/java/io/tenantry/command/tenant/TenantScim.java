package io.tenantry.command.tenant;

import static io.tenantry.contracts.tenant.MemberRole.OWNER;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.plan.PlanCatalogue;
import io.tenantry.contracts.privacy.Erasure;
import io.tenantry.contracts.scim.BindProvisionedMemberCommand;
import io.tenantry.contracts.scim.CreateScimGroupCommand;
import io.tenantry.contracts.scim.DeleteScimGroupCommand;
import io.tenantry.contracts.scim.DeprovisionScimUserCommand;
import io.tenantry.contracts.scim.PatchScimGroupCommand;
import io.tenantry.contracts.scim.PatchScimUserCommand;
import io.tenantry.contracts.scim.ProvisionScimUserCommand;
import io.tenantry.contracts.scim.ProvisionedMembers;
import io.tenantry.contracts.scim.ReplaceScimGroupCommand;
import io.tenantry.contracts.scim.ReplaceScimUserCommand;
import io.tenantry.contracts.scim.ScimGroupView;
import io.tenantry.contracts.scim.ScimUserAttributes;
import io.tenantry.contracts.scim.ScimUserBoundEvent;
import io.tenantry.contracts.scim.ScimUserProvisionedEvent;
import io.tenantry.contracts.scim.ScimUserUpdatedEvent;
import io.tenantry.contracts.scim.ScimUserView;
import io.tenantry.contracts.tenant.MemberAddedEvent;
import io.tenantry.contracts.tenant.MemberReactivatedEvent;
import io.tenantry.contracts.tenant.MemberRemovedEvent;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.MemberSuspendedEvent;
import io.tenantry.contracts.tenant.TeamCreatedEvent;
import io.tenantry.contracts.tenant.TeamDeletedEvent;
import io.tenantry.contracts.tenant.TeamMemberAddedEvent;
import io.tenantry.contracts.tenant.TeamMemberRemovedEvent;
import io.tenantry.contracts.tenant.TeamMemberRoleChangedEvent;
import io.tenantry.contracts.tenant.TeamRole;
import io.tenantry.contracts.tenant.TeamUpdatedEvent;
import io.tenantry.scim.ScimErrors;
import io.tenantry.scim.ScimGroups;
import io.tenantry.scim.ScimGroups.GroupState;
import io.tenantry.scim.ScimUsers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * SCIM provisioning (RFC 7643/7644), as an entity of the Tenant aggregate: the tenant's identity provider keeps its
 * members (SCIM Users) and teams (SCIM Groups) through one of the tenant's API keys, which acts as an ADMIN.
 *
 * <p>A provisioned user is a member from the start, held under a placeholder id ({@link ProvisionedMembers}) with its
 * e-mail address and a SCIM id that never changes; it counts against the plan's {@code members}, may join teams and be
 * suspended ({@code active: false}). The first time a person whose token carries that address as a <em>verified</em>
 * {@code email} signs in to the tenant (the tenant-token exchange, or {@link BindProvisionedMemberCommand}), the member
 * is bound to the person's subject ({@link ScimUserBoundEvent}) and is an ordinary member under it from then on; an
 * unverified address binds nothing. A suspended member is not bound until it is reactivated. Every team is a SCIM
 * group; its SCIM members are the SCIM users in it. Removing, suspending or demoting the last OWNER in force is
 * refused; any other OWNER only an OWNER removes or suspends (a key is an ADMIN).
 */
class TenantScim {

    private final Roster roster;
    private final Map<String, ProvisionedUser> users = new LinkedHashMap<>();
    private final Map<String, String> scimIdOfUser = new HashMap<>();
    private final Map<String, GroupStamp> groups = new HashMap<>();

    TenantScim(Roster roster) {
        this.roster = roster;
    }

    /** What the tenant keeps of a SCIM user (whether it is active is its seat's). */
    static final class ProvisionedUser {
        final String scimId;
        String userId;
        ScimUserAttributes attributes;
        final Instant created;
        Instant lastModified;
        long version;

        ProvisionedUser(String scimId, String userId, ScimUserAttributes attributes, Instant at, long version) {
            this.scimId = scimId;
            this.userId = userId;
            this.attributes = attributes;
            this.created = at;
            this.lastModified = at;
            this.version = version;
        }

        void changed(Instant at, long newVersion) {
            lastModified = at;
            version = newVersion;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ProvisionedUser user
                    && scimId.equals(user.scimId)
                    && userId.equals(user.userId)
                    && attributes.equals(user.attributes)
                    && created.equals(user.created)
                    && lastModified.equals(user.lastModified)
                    && version == user.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(scimId, userId, attributes, created, lastModified, version);
        }
    }

    /** When a team, or who is in it, last changed: a SCIM group's {@code meta}. */
    record GroupStamp(Instant created, Instant lastModified, long version) {
        GroupStamp changed(Instant at, long newVersion) {
            return new GroupStamp(created, at, newVersion);
        }
    }

    // users

    @CommandHandler
    ScimUserView handle(ProvisionScimUserCommand command, PlanCatalogue plans) {
        roster.requireManager(command.caller());
        ScimUserAttributes attributes = requireAttributes(command.attributes());
        if (command.scimId() == null || users.containsKey(command.scimId())) {
            throw DomainRefusal.conflict("already_member", "This SCIM id is taken.");
        }
        requireFreeUserName(attributes.userName(), null);
        TenantPlan.requireRoomForMember(roster, plans);
        String userId = ProvisionedMembers.placeholder(command.scimId());
        apply(new MemberAddedEvent(roster.tenantId(), userId, MemberRole.MEMBER));
        apply(provisioned(command.scimId(), userId, attributes));
        if (!attributes.active()) {
            apply(new MemberSuspendedEvent(roster.tenantId(), userId));
        }
        return view(command.scimId());
    }

    @CommandHandler
    ScimUserView handle(ReplaceScimUserCommand command) {
        roster.requireManager(command.caller());
        ProvisionedUser user = requireUser(command.scimId(), command.expectedVersion());
        change(user, requireAttributes(command.attributes()), command.caller());
        return view(user.scimId);
    }

    @CommandHandler
    ScimUserView handle(PatchScimUserCommand command) {
        roster.requireManager(command.caller());
        ProvisionedUser user = requireUser(command.scimId(), command.expectedVersion());
        change(user, ScimUsers.patched(current(user), command.patch()), command.caller());
        return view(user.scimId);
    }

    /** Removes the user's member from the tenant and its teams; answers the tenant's new version. */
    @CommandHandler
    long handle(DeprovisionScimUserCommand command) {
        roster.requireManager(command.caller());
        ProvisionedUser user = requireUser(command.scimId(), command.expectedVersion());
        Seat<MemberRole> seat = roster.requireMember(user.userId);
        roster.requireNotLastOwner(user.userId, seat.role, "be removed");
        if (seat.role == OWNER) {
            roster.requireOwnerInPerson(command.caller(), "Only an OWNER removes an OWNER.");
        }
        TenantMembership.remove(roster, user.userId, false);
        return AggregateLifecycle.getVersion();
    }

    /** The caller, a person with a verified e-mail address, takes the member provisioned with it; idempotent. */
    @CommandHandler
    ScimUserView handle(BindProvisionedMemberCommand command) {
        Caller caller = command.caller();
        roster.requireLive();
        if (caller == null || caller.isApiKey() || caller.impersonated()) {
            throw DomainRefusal.forbidden(
                    "caller_required", "A person binds a provisioned member to themselves, in person.");
        }
        String already = scimIdOfUser.get(caller.userId());
        if (already != null) {
            return view(already);
        }
        if (caller.verifiedEmail() == null) {
            throw DomainRefusal.forbidden(
                    "email_not_verified",
                    "Your token carries no verified e-mail address (email with email_verified: true): only a verified"
                            + " address binds a provisioned member.");
        }
        // nothing waiting for the address reads as an unknown tenant: a stranger learns nothing of it
        ProvisionedUser user =
                unboundWith(caller.verifiedEmail()).orElseThrow(() -> TenantRefusals.notFound(roster.tenantId()));
        if (roster.member(user.userId).suspended) {
            throw DomainRefusal.forbidden("member_suspended", "The member provisioned for your address is suspended.");
        }
        apply(new ScimUserBoundEvent(roster.tenantId(), user.scimId, user.userId, caller.userId()));
        return view(user.scimId);
    }

    /**
     * At a subject's own sign-in: binds the active provisioned member whose address is the subject's verified one, when
     * the subject has no SCIM user yet. Nothing happens for an unverified (null) address, or when nothing matches.
     */
    void bindOnSignIn(String subject, String verifiedEmail) {
        if (subject == null || verifiedEmail == null || scimIdOfUser.containsKey(subject)) {
            return;
        }
        unboundWith(verifiedEmail)
                .filter(user -> !roster.member(user.userId).suspended)
                .ifPresent(user -> apply(new ScimUserBoundEvent(roster.tenantId(), user.scimId, user.userId, subject)));
    }

    // groups

    @CommandHandler
    ScimGroupView handle(CreateScimGroupCommand command, PlanCatalogue plans) {
        roster.requireManager(command.caller());
        String name = TenantTeams.checkedName(command.displayName());
        TenantTeams.requireFreeName(roster, name, null);
        List<String> members = memberIds(command.memberScimIds());
        if (command.groupId() == null || roster.team(command.groupId()) != null) {
            throw DomainRefusal.conflict("team_name_taken", "This group id is taken.");
        }
        TenantPlan.requireRoomForTeam(roster, plans);
        apply(new TeamCreatedEvent(roster.tenantId(), command.groupId(), name, null));
        members.forEach(userId ->
                apply(new TeamMemberAddedEvent(roster.tenantId(), command.groupId(), userId, TeamRole.MEMBER)));
        return groupView(command.groupId());
    }

    @CommandHandler
    ScimGroupView handle(ReplaceScimGroupCommand command) {
        roster.requireManager(command.caller());
        Team team = requireGroup(command.groupId(), command.expectedVersion());
        changeGroup(team, new GroupState(command.displayName(), command.memberScimIds()));
        return groupView(team.id);
    }

    @CommandHandler
    ScimGroupView handle(PatchScimGroupCommand command) {
        roster.requireManager(command.caller());
        Team team = requireGroup(command.groupId(), command.expectedVersion());
        changeGroup(team, ScimGroups.patched(groupView(team.id), command.patch()));
        return groupView(team.id);
    }

    /** Disbands the team; answers the tenant's new version. */
    @CommandHandler
    long handle(DeleteScimGroupCommand command) {
        roster.requireManager(command.caller());
        Team team = requireGroup(command.groupId(), command.expectedVersion());
        apply(new TeamDeletedEvent(roster.tenantId(), team.id));
        return AggregateLifecycle.getVersion();
    }

    // the rules

    private void change(ProvisionedUser user, ScimUserAttributes next, Caller caller) {
        ScimUserAttributes current = current(user);
        if (!next.withActive(true).equals(current.withActive(true))) {
            requireFreeUserName(next.userName(), user.scimId);
            apply(new ScimUserUpdatedEvent(
                    roster.tenantId(),
                    user.scimId,
                    user.userId,
                    next.userName(),
                    next.externalId(),
                    next.displayName(),
                    next.givenName(),
                    next.familyName()));
        }
        if (next.active() != current.active()) {
            Seat<MemberRole> seat = roster.requireMember(user.userId);
            if (!next.active()) {
                roster.requireNotLastOwner(user.userId, seat.role, "be suspended");
                if (seat.role == OWNER) {
                    roster.requireOwnerInPerson(caller, "Only an OWNER suspends an OWNER.");
                }
                apply(new MemberSuspendedEvent(roster.tenantId(), user.userId));
            } else {
                apply(new MemberReactivatedEvent(roster.tenantId(), user.userId));
            }
        }
    }

    private void changeGroup(Team team, GroupState next) {
        String name = TenantTeams.checkedName(next.displayName());
        List<String> wanted = memberIds(next.memberIds());
        if (!name.equals(team.name)) {
            TenantTeams.requireFreeName(roster, name, team.id);
            apply(new TeamUpdatedEvent(roster.tenantId(), team.id, name, team.description));
        }
        List<String> present = new ArrayList<>(team.members.keySet());
        for (String userId : present) {
            if (scimIdOfUser.containsKey(userId) && !wanted.contains(userId)) {
                apply(new TeamMemberRemovedEvent(roster.tenantId(), team.id, userId));
            }
        }
        for (String userId : wanted) {
            if (!team.members.containsKey(userId)) {
                apply(new TeamMemberAddedEvent(roster.tenantId(), team.id, userId, TeamRole.MEMBER));
            }
        }
    }

    /** The members the SCIM ids name, each a SCIM user of this tenant (400 {@code invalidValue} otherwise). */
    private List<String> memberIds(List<String> scimIds) {
        List<String> userIds = new ArrayList<>();
        for (String scimId : scimIds) {
            ProvisionedUser user = users.get(scimId);
            if (user == null) {
                throw ScimErrors.invalidValue("No user of this tenant has the id " + scimId + ".");
            }
            if (!userIds.contains(user.userId)) {
                userIds.add(user.userId);
            }
        }
        return userIds;
    }

    private static ScimUserAttributes requireAttributes(ScimUserAttributes attributes) {
        if (attributes == null
                || attributes.userName() == null
                || attributes.userName().isBlank()) {
            throw ScimErrors.invalidValue("A user needs its userName: its e-mail address.");
        }
        return attributes;
    }

    private void requireFreeUserName(String userName, String exceptScimId) {
        String wanted = Erasure.normaliseEmail(userName);
        for (ProvisionedUser other : users.values()) {
            if (!other.scimId.equals(exceptScimId)
                    && wanted.equals(Erasure.normaliseEmail(other.attributes.userName()))) {
                throw ScimErrors.userNameTaken();
            }
        }
    }

    private ProvisionedUser requireUser(String scimId, Long expectedVersion) {
        ProvisionedUser user = scimId == null ? null : users.get(scimId);
        if (user == null) {
            throw ScimErrors.notFound("scim_user_not_found", "This tenant has no user " + scimId + ".");
        }
        requireVersion(user.version, expectedVersion, "User " + scimId);
        return user;
    }

    private Team requireGroup(String groupId, Long expectedVersion) {
        Team team = roster.team(groupId);
        if (team == null) {
            throw ScimErrors.notFound("scim_group_not_found", "This tenant has no group " + groupId + ".");
        }
        requireVersion(groups.get(groupId).version(), expectedVersion, "Group " + groupId);
        return team;
    }

    private static void requireVersion(long current, Long expected, String what) {
        if (expected != null && expected != current) {
            throw new DomainRefusal(
                    DomainRefusal.Kind.PRECONDITION_FAILED,
                    "version_mismatch",
                    what + " is at version " + current + " (ETag W/\"" + current + "\"), not " + expected
                            + ": read it again, then retry the change.");
        }
    }

    private Optional<ProvisionedUser> unboundWith(String verifiedEmail) {
        return users.values().stream()
                .filter(user -> ProvisionedMembers.isPlaceholder(user.userId))
                .filter(user -> ProvisionedMembers.binds(verifiedEmail, user.attributes.userName()))
                .findFirst();
    }

    private ScimUserAttributes current(ProvisionedUser user) {
        Seat<MemberRole> seat = roster.member(user.userId);
        return user.attributes.withActive(seat == null || !seat.suspended);
    }

    private ScimUserView view(String scimId) {
        ProvisionedUser user = users.get(scimId);
        return new ScimUserView(
                roster.tenantId(),
                user.scimId,
                user.userId,
                current(user),
                user.created,
                user.lastModified,
                user.version);
    }

    private ScimGroupView groupView(String teamId) {
        Team team = roster.team(teamId);
        GroupStamp stamp = groups.get(teamId);
        List<ScimGroupView.Member> members = new ArrayList<>();
        team.members.keySet().forEach(userId -> {
            String scimId = scimIdOfUser.get(userId);
            if (scimId != null) {
                members.add(new ScimGroupView.Member(
                        scimId, users.get(scimId).attributes.userName()));
            }
        });
        return new ScimGroupView(
                roster.tenantId(), teamId, team.name, members, stamp.created(), stamp.lastModified(), stamp.version());
    }

    private ScimUserProvisionedEvent provisioned(String scimId, String userId, ScimUserAttributes attributes) {
        return new ScimUserProvisionedEvent(
                roster.tenantId(),
                scimId,
                userId,
                attributes.userName(),
                attributes.externalId(),
                attributes.displayName(),
                attributes.givenName(),
                attributes.familyName());
    }

    // what the events change

    @EventSourcingHandler
    void on(ScimUserProvisionedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        users.put(
                event.scimId(), new ProvisionedUser(event.scimId(), event.userId(), attributesOf(event), at, version));
        scimIdOfUser.put(event.userId(), event.scimId());
    }

    @EventSourcingHandler
    void on(ScimUserUpdatedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        ProvisionedUser user = users.get(event.scimId());
        user.attributes = new ScimUserAttributes(
                event.userName(), event.externalId(), event.displayName(), event.givenName(), event.familyName(), true);
        user.changed(at, version);
    }

    @EventSourcingHandler
    void on(MemberSuspendedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        touchUser(event.userId(), at, version);
    }

    @EventSourcingHandler
    void on(MemberReactivatedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        touchUser(event.userId(), at, version);
    }

    @EventSourcingHandler
    void on(ScimUserBoundEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        roster.rebind(event.fromUserId(), event.toUserId());
        ProvisionedUser user = users.get(event.scimId());
        scimIdOfUser.remove(event.fromUserId());
        scimIdOfUser.put(event.toUserId(), event.scimId());
        user.userId = event.toUserId();
        user.changed(at, version);
    }

    @EventSourcingHandler
    void on(MemberRemovedEvent event) {
        String scimId = scimIdOfUser.remove(event.userId());
        if (scimId != null) {
            users.remove(scimId);
        }
    }

    @EventSourcingHandler
    void on(TeamCreatedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        groups.put(event.teamId(), new GroupStamp(at, at, version));
    }

    @EventSourcingHandler
    void on(TeamUpdatedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        touchGroup(event.teamId(), at, version);
    }

    @EventSourcingHandler
    void on(TeamDeletedEvent event) {
        groups.remove(event.teamId());
    }

    @EventSourcingHandler
    void on(TeamMemberAddedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        touchGroup(event.teamId(), at, version);
    }

    @EventSourcingHandler
    void on(TeamMemberRemovedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        touchGroup(event.teamId(), at, version);
    }

    @EventSourcingHandler
    void on(TeamMemberRoleChangedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        touchGroup(event.teamId(), at, version);
    }

    private void touchUser(String userId, Instant at, long version) {
        String scimId = scimIdOfUser.get(userId);
        if (scimId != null) {
            users.get(scimId).changed(at, version);
        }
    }

    private void touchGroup(String teamId, Instant at, long version) {
        groups.computeIfPresent(teamId, (id, stamp) -> stamp.changed(at, version));
    }

    private static ScimUserAttributes attributesOf(ScimUserProvisionedEvent event) {
        return new ScimUserAttributes(
                event.userName(), event.externalId(), event.displayName(), event.givenName(), event.familyName(), true);
    }
}
