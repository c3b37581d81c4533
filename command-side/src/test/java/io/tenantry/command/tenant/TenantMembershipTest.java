package io.tenantry.command.tenant;

import static io.tenantry.command.Refusals.refusal;
import static io.tenantry.command.tenant.TenantFixtures.ID;
import static io.tenantry.command.tenant.TenantFixtures.OWNER;
import static io.tenantry.command.tenant.TenantFixtures.added;
import static io.tenantry.command.tenant.TenantFixtures.created;
import static io.tenantry.command.tenant.TenantFixtures.ownerAdded;
import static io.tenantry.contracts.tenant.MemberRole.ADMIN;
import static io.tenantry.contracts.tenant.MemberRole.MEMBER;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.tenant.AddMemberCommand;
import io.tenantry.contracts.tenant.ChangeMemberRoleCommand;
import io.tenantry.contracts.tenant.MemberAddedEvent;
import io.tenantry.contracts.tenant.MemberRemovedEvent;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.MemberRoleChangedEvent;
import io.tenantry.contracts.tenant.MemberView;
import io.tenantry.contracts.tenant.OwnershipTransferredEvent;
import io.tenantry.contracts.tenant.RemoveMemberCommand;
import io.tenantry.contracts.tenant.TeamCreatedEvent;
import io.tenantry.contracts.tenant.TeamMemberAddedEvent;
import io.tenantry.contracts.tenant.TeamMemberRemovedEvent;
import io.tenantry.contracts.tenant.TeamRole;
import io.tenantry.contracts.tenant.TenantDeletedEvent;
import io.tenantry.contracts.tenant.TransferOwnershipCommand;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every path of tenant membership: joining, roles, leaving, ownership, the last owner, cascades and plan limits. */
class TenantMembershipTest {

    private static final Caller OWNER_CALLER = Caller.user(OWNER);
    private static final Caller ADMIN_CALLER = Caller.user("admin-1");
    private static final Caller MEMBER_CALLER = Caller.user("member-1");
    private static final Caller STRANGER = Caller.user("stranger");
    private static final Caller PARTNER_ADMIN = Caller.partnerAdmin("partner");

    private FixtureConfiguration<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = TenantFixtures.fixture();
    }

    private Object[] tenantWithThree(Object... more) {
        java.util.List<Object> events = new java.util.ArrayList<>(
                java.util.List.of(created(), ownerAdded(), added("admin-1", ADMIN), added("member-1", MEMBER)));
        events.addAll(java.util.List.of(more));
        return events.toArray();
    }

    @Nested
    class Add {

        @Test
        void addsAMember() {
            fixture.given(created(), ownerAdded())
                    .when(new AddMemberCommand(ID, OWNER_CALLER, "new-1", MEMBER))
                    .expectEvents(new MemberAddedEvent(ID, "new-1", MEMBER))
                    .expectResultMessagePayloadMatching(member("new-1", MEMBER, 2));
        }

        @Test
        void letsAdminsAddAdminsButOnlyOwnersAddOwners() {
            fixture.given(created(), ownerAdded(), added("admin-1", ADMIN))
                    .when(new AddMemberCommand(ID, ADMIN_CALLER, "new-1", ADMIN))
                    .expectEvents(new MemberAddedEvent(ID, "new-1", ADMIN));
            fixture.given(created(), ownerAdded(), added("admin-1", ADMIN))
                    .when(new AddMemberCommand(ID, ADMIN_CALLER, "new-1", MemberRole.OWNER))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
            fixture.given(created(), ownerAdded())
                    .when(new AddMemberCommand(ID, OWNER_CALLER, "co-owner", MemberRole.OWNER))
                    .expectEvents(new MemberAddedEvent(ID, "co-owner", MemberRole.OWNER));
        }

        @Test
        void refusesASecondMembership() {
            fixture.given(tenantWithThree())
                    .when(new AddMemberCommand(ID, OWNER_CALLER, "member-1", ADMIN))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.CONFLICT, "already_member"));
        }

        @Test
        void refusesBeyondThePlansMemberLimit() {
            fixture.given(tenantWithThree())
                    .when(new AddMemberCommand(ID, OWNER_CALLER, "fourth", MEMBER))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.CONFLICT, "plan_limit_reached"));
        }

        @Test
        void refusesPlainMembersAndHidesTheTenantFromStrangers() {
            fixture.given(tenantWithThree())
                    .when(new AddMemberCommand(ID, MEMBER_CALLER, "x", MEMBER))
                    .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
            fixture.given(tenantWithThree())
                    .when(new AddMemberCommand(ID, STRANGER, "x", MEMBER))
                    .expectException(refusal(DomainRefusal.Kind.NOT_FOUND, "tenant_not_found"));
            fixture.given(created(), ownerAdded(), new TenantDeletedEvent(ID))
                    .when(new AddMemberCommand(ID, PARTNER_ADMIN, "x", MEMBER))
                    .expectException(refusal(DomainRefusal.Kind.NOT_FOUND, "tenant_not_found"));
        }

        @Test
        void refusesAMissingUserOrRole() {
            fixture.given(created(), ownerAdded())
                    .when(new AddMemberCommand(ID, OWNER_CALLER, " ", MEMBER))
                    .expectException(refusal(DomainRefusal.Kind.INVALID, "user_id_required"));
            fixture.given(created(), ownerAdded())
                    .when(new AddMemberCommand(ID, OWNER_CALLER, "x", null))
                    .expectException(refusal(DomainRefusal.Kind.INVALID, "invalid_role"));
        }
    }

    @Nested
    class ChangeRole {

        @Test
        void promotesAndDemotes() {
            fixture.given(tenantWithThree())
                    .when(new ChangeMemberRoleCommand(ID, ADMIN_CALLER, "member-1", ADMIN))
                    .expectEvents(new MemberRoleChangedEvent(ID, "member-1", MEMBER, ADMIN))
                    .expectResultMessagePayloadMatching(member("member-1", ADMIN, 4));
        }

        @Test
        void changesNothingForTheSameRole() {
            fixture.given(tenantWithThree())
                    .when(new ChangeMemberRoleCommand(ID, ADMIN_CALLER, "member-1", MEMBER))
                    .expectNoEvents();
        }

        @Test
        void letsOnlyOwnersMakeOrDemoteOwners() {
            fixture.given(tenantWithThree())
                    .when(new ChangeMemberRoleCommand(ID, ADMIN_CALLER, "member-1", MemberRole.OWNER))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
            fixture.given(tenantWithThree(added("owner-2", MemberRole.OWNER)))
                    .when(new ChangeMemberRoleCommand(ID, ADMIN_CALLER, "owner-2", MEMBER))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
            fixture.given(tenantWithThree())
                    .when(new ChangeMemberRoleCommand(ID, OWNER_CALLER, "admin-1", MemberRole.OWNER))
                    .expectEvents(new MemberRoleChangedEvent(ID, "admin-1", ADMIN, MemberRole.OWNER));
        }

        @Test
        void neverDemotesTheLastOwner() {
            fixture.given(tenantWithThree())
                    .when(new ChangeMemberRoleCommand(ID, OWNER_CALLER, OWNER, ADMIN))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.CONFLICT, "last_owner"));
            fixture.given(tenantWithThree())
                    .when(new ChangeMemberRoleCommand(ID, PARTNER_ADMIN, OWNER, MEMBER))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.CONFLICT, "last_owner"));
        }

        @Test
        void demotesAnOwnerWhoIsNotTheLast() {
            fixture.given(created(), ownerAdded(), added("owner-2", MemberRole.OWNER))
                    .when(new ChangeMemberRoleCommand(ID, OWNER_CALLER, OWNER, ADMIN))
                    .expectEvents(new MemberRoleChangedEvent(ID, OWNER, MemberRole.OWNER, ADMIN));
        }

        @Test
        void doesNotFindANonMember() {
            fixture.given(tenantWithThree())
                    .when(new ChangeMemberRoleCommand(ID, OWNER_CALLER, "nobody", ADMIN))
                    .expectException(refusal(DomainRefusal.Kind.NOT_FOUND, "member_not_found"));
        }
    }

    @Nested
    class RemoveAndLeave {

        @Test
        void removesAMemberFromTheTenantAndEveryTeam() {
            fixture.given(tenantWithThree(
                            new TeamCreatedEvent(ID, "team-a", "A", null),
                            new TeamMemberAddedEvent(ID, "team-a", "member-1", TeamRole.MEMBER)))
                    .when(new RemoveMemberCommand(ID, ADMIN_CALLER, "member-1"))
                    .expectEvents(
                            new TeamMemberRemovedEvent(ID, "team-a", "member-1"),
                            new MemberRemovedEvent(ID, "member-1", false))
                    .expectResultMessagePayload(7L);
        }

        @Test
        void letsAMemberLeave() {
            fixture.given(tenantWithThree())
                    .when(new RemoveMemberCommand(ID, MEMBER_CALLER, "member-1"))
                    .expectEvents(new MemberRemovedEvent(ID, "member-1", true));
        }

        @Test
        void neverRemovesTheLastOwnerNorLetsItLeave() {
            fixture.given(tenantWithThree())
                    .when(new RemoveMemberCommand(ID, OWNER_CALLER, OWNER))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.CONFLICT, "last_owner"));
            fixture.given(tenantWithThree())
                    .when(new RemoveMemberCommand(ID, PARTNER_ADMIN, OWNER))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.CONFLICT, "last_owner"));
        }

        @Test
        void letsOnlyOwnersRemoveOwners() {
            fixture.given(tenantWithThree(added("owner-2", MemberRole.OWNER)))
                    .when(new RemoveMemberCommand(ID, ADMIN_CALLER, "owner-2"))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
            fixture.given(tenantWithThree(added("owner-2", MemberRole.OWNER)))
                    .when(new RemoveMemberCommand(ID, OWNER_CALLER, "owner-2"))
                    .expectEvents(new MemberRemovedEvent(ID, "owner-2", false));
        }

        @Test
        void refusesPlainMembersRemovingOthers() {
            fixture.given(tenantWithThree())
                    .when(new RemoveMemberCommand(ID, MEMBER_CALLER, "admin-1"))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
        }
    }

    @Nested
    class TransferOwnership {

        @Test
        void handsOwnershipOverInOneStep() {
            fixture.given(tenantWithThree())
                    .when(new TransferOwnershipCommand(ID, OWNER_CALLER, "member-1"))
                    .expectEvents(new OwnershipTransferredEvent(ID, OWNER, "member-1"))
                    .expectResultMessagePayloadMatching(member("member-1", MemberRole.OWNER, 4));
        }

        @Test
        void leavesTheFormerOwnerAnAdminWhoCanNoLongerDeleteOrTransfer() {
            fixture.given(tenantWithThree(new OwnershipTransferredEvent(ID, OWNER, "member-1")))
                    .when(new TransferOwnershipCommand(ID, OWNER_CALLER, "admin-1"))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
        }

        @Test
        void transfersOnlyToAMember() {
            fixture.given(tenantWithThree())
                    .when(new TransferOwnershipCommand(ID, OWNER_CALLER, "outsider"))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.CONFLICT, "not_a_member"));
        }

        @Test
        void transfersOnlyFromAnOwnerToSomeoneElse() {
            fixture.given(tenantWithThree())
                    .when(new TransferOwnershipCommand(ID, ADMIN_CALLER, "member-1"))
                    .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
            fixture.given(tenantWithThree())
                    .when(new TransferOwnershipCommand(ID, PARTNER_ADMIN, "member-1"))
                    .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
            fixture.given(tenantWithThree())
                    .when(new TransferOwnershipCommand(ID, OWNER_CALLER, OWNER))
                    .expectException(refusal(DomainRefusal.Kind.CONFLICT, "transfer_to_self"));
        }
    }

    private static Matcher<Object> member(String userId, MemberRole role, long version) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof MemberView view
                        && view.userId().equals(userId)
                        && view.role() == role
                        && view.version() == version
                        && view.tenantId().equals(ID);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("member " + userId + " as " + role + " at version " + version);
            }
        };
    }
}
