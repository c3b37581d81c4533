package io.tenantry.command.tenant;

import static io.tenantry.command.Refusals.refusal;
import static io.tenantry.command.tenant.TenantFixtures.ID;
import static io.tenantry.command.tenant.TenantFixtures.OWNER;
import static io.tenantry.command.tenant.TenantFixtures.created;
import static io.tenantry.command.tenant.TenantFixtures.ownerAdded;
import static io.tenantry.contracts.tenant.MemberRole.MEMBER;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.scim.CreateScimGroupCommand;
import io.tenantry.contracts.scim.DeprovisionScimUserCommand;
import io.tenantry.contracts.scim.PatchScimGroupCommand;
import io.tenantry.contracts.scim.PatchScimUserCommand;
import io.tenantry.contracts.scim.ProvisionScimUserCommand;
import io.tenantry.contracts.scim.ReplaceScimUserCommand;
import io.tenantry.contracts.scim.ScimUserAttributes;
import io.tenantry.contracts.scim.ScimUserBoundEvent;
import io.tenantry.contracts.scim.ScimUserProvisionedEvent;
import io.tenantry.contracts.tenant.GrantTenantTokenCommand;
import io.tenantry.contracts.tenant.MemberAddedEvent;
import io.tenantry.contracts.tenant.MemberRemovedEvent;
import io.tenantry.contracts.tenant.MemberSuspendedEvent;
import io.tenantry.contracts.tenant.TeamCreatedEvent;
import io.tenantry.contracts.tenant.TeamMemberAddedEvent;
import io.tenantry.contracts.tenant.TeamMemberRemovedEvent;
import io.tenantry.contracts.tenant.TeamRole;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Tenant aggregate's SCIM entity: provisioning, suspension, binding at sign-in, groups, the last OWNER. */
class TenantScimTest {

    private static final Caller KEY = Caller.apiKey("key-1", ID, Set.of("scim"));
    private static final String ANN = "ann@acme.example";

    private AggregateTestFixture<Tenant> fixture;

    @BeforeEach
    void fixture() {
        fixture = TenantFixtures.fixture();
    }

    private static ScimUserAttributes ann(boolean active) {
        return new ScimUserAttributes(ANN, "okta-1", "Ann", "Ann", "Example", active);
    }

    private static ScimUserProvisionedEvent provisioned(String scimId, String userName) {
        return new ScimUserProvisionedEvent(ID, scimId, "scim:" + scimId, userName, "okta-1", "Ann", "Ann", "Example");
    }

    @Test
    void aProvisionedUserIsAMemberUnderItsPlaceholderSuspendedWhenNotActive() {
        fixture.given(created(), ownerAdded())
                .when(new ProvisionScimUserCommand(ID, "s-1", KEY, ann(false)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new MemberAddedEvent(ID, "scim:s-1", MEMBER),
                        provisioned("s-1", ANN),
                        new MemberSuspendedEvent(ID, "scim:s-1"));
    }

    @Test
    void aUserNameIsTakenRegardlessOfCaseAndThePlanLimitHolds() {
        fixture.given(created(), ownerAdded(), new MemberAddedEvent(ID, "scim:s-1", MEMBER), provisioned("s-1", ANN))
                .when(new ProvisionScimUserCommand(
                        ID, "s-2", KEY, new ScimUserAttributes("ANN@acme.example", null, null, null, null, true)))
                .expectException(refusal(DomainRefusal.Kind.CONFLICT, "user_name_taken"));
        // the default plan allows 3 members
        fixture.given(
                        created(),
                        ownerAdded(),
                        new MemberAddedEvent(ID, "scim:s-1", MEMBER),
                        provisioned("s-1", ANN),
                        new MemberAddedEvent(ID, "scim:s-2", MEMBER),
                        provisioned("s-2", "bob@acme.example"))
                .when(new ProvisionScimUserCommand(
                        ID, "s-3", KEY, new ScimUserAttributes("cy@acme.example", null, null, null, null, true)))
                .expectException(refusal(DomainRefusal.Kind.CONFLICT, "plan_limit_reached"));
    }

    @Test
    void entraIdsStringFalseSuspendsAndAStaleVersionIsRefused() {
        String patch = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}";
        fixture.given(created(), ownerAdded(), new MemberAddedEvent(ID, "scim:s-1", MEMBER), provisioned("s-1", ANN))
                .when(new PatchScimUserCommand(ID, "s-1", KEY, patch, 3L))
                .expectEvents(new MemberSuspendedEvent(ID, "scim:s-1"));
        fixture.given(created(), ownerAdded(), new MemberAddedEvent(ID, "scim:s-1", MEMBER), provisioned("s-1", ANN))
                .when(new ReplaceScimUserCommand(ID, "s-1", KEY, ann(false), 2L))
                .expectException(refusal(DomainRefusal.Kind.PRECONDITION_FAILED, "version_mismatch"));
    }

    @Test
    void aVerifiedAddressBindsAtSignInAndAnUnverifiedOneDoesNot() {
        fixture.given(created(), ownerAdded(), new MemberAddedEvent(ID, "scim:s-1", MEMBER), provisioned("s-1", ANN))
                .when(new GrantTenantTokenCommand(ID, "sub-ann", null, null, null, "Ann@Acme.example"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ScimUserBoundEvent(ID, "s-1", "scim:s-1", "sub-ann"));
        // no verified address: nothing is bound, and the subject is no member
        fixture.given(created(), ownerAdded(), new MemberAddedEvent(ID, "scim:s-1", MEMBER), provisioned("s-1", ANN))
                .when(new GrantTenantTokenCommand(ID, "sub-ann", null, null, null, null))
                .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "not_a_member"));
        // suspended: not bound until reactivated
        fixture.given(
                        created(),
                        ownerAdded(),
                        new MemberAddedEvent(ID, "scim:s-1", MEMBER),
                        provisioned("s-1", ANN),
                        new MemberSuspendedEvent(ID, "scim:s-1"))
                .when(new GrantTenantTokenCommand(ID, "sub-ann", null, null, null, ANN))
                .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "not_a_member"));
    }

    @Test
    void aBoundMemberIsItsSubjectInTheTenantAndItsTeams() {
        fixture.given(
                        created(),
                        ownerAdded(),
                        new MemberAddedEvent(ID, "scim:s-1", MEMBER),
                        provisioned("s-1", ANN),
                        new TeamCreatedEvent(ID, "team-1", "Sales", null),
                        new TeamMemberAddedEvent(ID, "team-1", "scim:s-1", TeamRole.MEMBER),
                        new ScimUserBoundEvent(ID, "s-1", "scim:s-1", "sub-ann"))
                .when(new PatchScimGroupCommand(
                        ID,
                        "team-1",
                        KEY,
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                                + "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"s-1\\\"]\"}]}",
                        null))
                .expectEvents(new TeamMemberRemovedEvent(ID, "team-1", "sub-ann"));
        fixture.given(
                        created(),
                        ownerAdded(),
                        new MemberAddedEvent(ID, "scim:s-1", MEMBER),
                        provisioned("s-1", ANN),
                        new ScimUserBoundEvent(ID, "s-1", "scim:s-1", "sub-ann"))
                .when(new DeprovisionScimUserCommand(ID, "s-1", KEY, null))
                .expectEvents(new MemberRemovedEvent(ID, "sub-ann", false));
    }

    @Test
    void theLastOwnerIsNeitherRemovedNorSuspended() {
        fixture.given(
                        created(),
                        ownerAdded(),
                        new MemberAddedEvent(ID, "scim:s-1", MEMBER),
                        provisioned("s-1", ANN),
                        new ScimUserBoundEvent(ID, "s-1", "scim:s-1", OWNER))
                .when(new DeprovisionScimUserCommand(ID, "s-1", KEY, null))
                .expectException(refusal(DomainRefusal.Kind.CONFLICT, "last_owner"));
        fixture.given(
                        created(),
                        ownerAdded(),
                        new MemberAddedEvent(ID, "scim:s-1", MEMBER),
                        provisioned("s-1", ANN),
                        new ScimUserBoundEvent(ID, "s-1", "scim:s-1", OWNER))
                .when(new ReplaceScimUserCommand(ID, "s-1", KEY, ann(false), null))
                .expectException(refusal(DomainRefusal.Kind.CONFLICT, "last_owner"));
    }

    @Test
    void aGroupIsATeamOfScimUsers() {
        fixture.given(created(), ownerAdded(), new MemberAddedEvent(ID, "scim:s-1", MEMBER), provisioned("s-1", ANN))
                .when(new CreateScimGroupCommand(ID, "team-1", KEY, "Sales", List.of("s-1")))
                .expectEvents(
                        new TeamCreatedEvent(ID, "team-1", "Sales", null),
                        new TeamMemberAddedEvent(ID, "team-1", "scim:s-1", TeamRole.MEMBER));
        fixture.given(created(), ownerAdded())
                .when(new CreateScimGroupCommand(ID, "team-1", KEY, "Sales", List.of("nobody")))
                .expectException(refusal(DomainRefusal.Kind.INVALID, "invalid_value"));
    }
}
