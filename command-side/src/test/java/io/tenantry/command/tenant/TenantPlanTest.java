package io.tenantry.command.tenant;

import static io.tenantry.command.Refusals.refusal;
import static io.tenantry.command.tenant.TenantFixtures.ID;
import static io.tenantry.command.tenant.TenantFixtures.OWNER;
import static io.tenantry.command.tenant.TenantFixtures.added;
import static io.tenantry.command.tenant.TenantFixtures.created;
import static io.tenantry.command.tenant.TenantFixtures.ownerAdded;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.entitlement.Entitlement;
import io.tenantry.contracts.entitlement.TenantEntitlementsChangedEvent;
import io.tenantry.contracts.tenant.AddMemberCommand;
import io.tenantry.contracts.tenant.AdoptPlanCommand;
import io.tenantry.contracts.tenant.AdoptPlanCommand.PlanAdoption;
import io.tenantry.contracts.tenant.AuthorizeBillingCommand;
import io.tenantry.contracts.tenant.CreateTenantCommand;
import io.tenantry.contracts.tenant.MemberInvitedEvent;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.TeamCreatedEvent;
import io.tenantry.contracts.tenant.TenantPlanChangedEvent;
import io.tenantry.contracts.tenant.TenantTier;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tenant's plan: chosen at creation, changed by an OWNER, never to one its members and teams do not fit. */
class TenantPlanTest {

    private static final Caller OWNER_CALLER = Caller.user(OWNER);

    private FixtureConfiguration<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = TenantFixtures.fixture();
    }

    @Test
    void refusesToCreateATenantOnAPlanNotInTheCatalogue() {
        fixture.givenNoPriorActivity()
                .when(new CreateTenantCommand(
                        ID, "Acme", "acme", TenantTier.POOLED, null, null, null, null, null, OWNER, "gold"))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.INVALID, "unknown_plan"));
    }

    @Test
    void movesToAnotherPlanForAnOwnerOrPartnerAdmin() {
        fixture.given(created(), ownerAdded())
                .when(new AdoptPlanCommand(ID, "pro", OWNER_CALLER))
                .expectEvents(
                        new TenantPlanChangedEvent(ID, "free", "pro"),
                        new TenantEntitlementsChangedEvent(
                                ID,
                                "pro",
                                List.of(
                                        Entitlement.limit("members", 100),
                                        Entitlement.feature("sso", true),
                                        Entitlement.limit("teams", 20)),
                                List.of("sso"),
                                "plan-changed"))
                .expectResultMessagePayload(new PlanAdoption("free", "pro", true));
        fixture.given(created(), ownerAdded(), new TenantPlanChangedEvent(ID, "free", "pro"))
                .when(new AdoptPlanCommand(ID, "free", Caller.partnerAdmin("partner")))
                .expectEvents(
                        new TenantPlanChangedEvent(ID, "pro", "free"),
                        new TenantEntitlementsChangedEvent(
                                ID,
                                "free",
                                List.of(Entitlement.limit("members", 3), Entitlement.limit("teams", 1)),
                                List.of(),
                                "plan-changed"));
    }

    @Test
    void changesNothingForTheCurrentPlan() {
        fixture.given(created(), ownerAdded())
                .when(new AdoptPlanCommand(ID, "free", OWNER_CALLER))
                .expectNoEvents()
                .expectResultMessagePayload(new PlanAdoption("free", "free", false));
    }

    @Test
    void refusesAnUnknownPlanAndAnyoneButAnOwner() {
        fixture.given(created(), ownerAdded())
                .when(new AdoptPlanCommand(ID, "gold", OWNER_CALLER))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.INVALID, "unknown_plan"));
        fixture.given(created(), ownerAdded(), added("admin-1", MemberRole.ADMIN))
                .when(new AdoptPlanCommand(ID, "pro", Caller.user("admin-1")))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
        fixture.given(created(), ownerAdded())
                .when(new AdoptPlanCommand(ID, "pro", Caller.user("stranger")))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.NOT_FOUND, "tenant_not_found"));
    }

    @Test
    void refusesADowngradeTheTenantDoesNotFitIn() {
        Object[] big = {
            created(),
            ownerAdded(),
            new TenantPlanChangedEvent(ID, "free", "pro"),
            added("m-1", MemberRole.MEMBER),
            added("m-2", MemberRole.MEMBER),
            new MemberInvitedEvent(
                    ID, "inv-1", MemberRole.MEMBER, OWNER, Instant.now().plusSeconds(3600))
        };
        fixture.given(big)
                .when(new AdoptPlanCommand(ID, "free", OWNER_CALLER))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.CONFLICT, "plan_too_small"));
        fixture.given(
                        created(),
                        ownerAdded(),
                        new TenantPlanChangedEvent(ID, "free", "pro"),
                        new TeamCreatedEvent(ID, "t-1", "One", null),
                        new TeamCreatedEvent(ID, "t-2", "Two", null))
                .when(new AdoptPlanCommand(ID, "free", OWNER_CALLER))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.CONFLICT, "plan_too_small"));
    }

    @Test
    void holdsTheTenantToTheLimitsOfItsCurrentPlan() {
        fixture.given(created(), ownerAdded(), added("m-1", MemberRole.MEMBER), added("m-2", MemberRole.MEMBER))
                .when(new AddMemberCommand(ID, OWNER_CALLER, "m-3", MemberRole.MEMBER))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.CONFLICT, "plan_limit_reached"));
        fixture.given(
                        created(),
                        ownerAdded(),
                        added("m-1", MemberRole.MEMBER),
                        added("m-2", MemberRole.MEMBER),
                        new TenantPlanChangedEvent(ID, "free", "pro"))
                .when(new AddMemberCommand(ID, OWNER_CALLER, "m-3", MemberRole.MEMBER))
                .expectEvents(added("m-3", MemberRole.MEMBER));
    }

    @Test
    void letsOnlyOwnersAndPartnerAdminsAtItsBilling() {
        fixture.given(created(), ownerAdded())
                .when(new AuthorizeBillingCommand(ID, OWNER_CALLER))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
        fixture.given(created(), ownerAdded(), added("admin-1", MemberRole.ADMIN))
                .when(new AuthorizeBillingCommand(ID, Caller.user("admin-1")))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
    }
}
