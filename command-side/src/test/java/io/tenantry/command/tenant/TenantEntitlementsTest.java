package io.tenantry.command.tenant;

import static io.tenantry.command.Refusals.refusal;
import static io.tenantry.command.tenant.TenantFixtures.ID;
import static io.tenantry.command.tenant.TenantFixtures.OWNER;
import static io.tenantry.command.tenant.TenantFixtures.created;
import static io.tenantry.command.tenant.TenantFixtures.ownerAdded;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.entitlement.Entitlement;
import io.tenantry.contracts.entitlement.EntitlementKind;
import io.tenantry.contracts.entitlement.EntitlementOverrideEndedEvent;
import io.tenantry.contracts.entitlement.EntitlementOverrideSetEvent;
import io.tenantry.contracts.entitlement.RemoveEntitlementOverrideCommand;
import io.tenantry.contracts.entitlement.SetEntitlementOverrideCommand;
import io.tenantry.contracts.entitlement.TenantEntitlementsChangedEvent;
import io.tenantry.contracts.tenant.AddMemberCommand;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.TenantDeletedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Overrides on the Tenant aggregate: a partner-admin sets and removes them, their deadline ends them (once, and only
 * the override it was scheduled for), the limits the aggregate holds members to follow them, and every change of the
 * effective set is announced with the whole set.
 */
class TenantEntitlementsTest {

    private static final Caller PARTNER = Caller.partnerAdmin("partner-1");
    private static final List<Entitlement> FREE =
            List.of(Entitlement.limit("members", 3), Entitlement.limit("teams", 1));

    private AggregateTestFixture<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = TenantFixtures.fixture();
    }

    @Test
    void aRaisedLimitIsAnnouncedAndHeldAndItsDeadlineEndsItOnce() {
        Instant expires = fixture.currentTime().plus(Duration.ofDays(7));
        fixture.given(created(), ownerAdded())
                .when(new SetEntitlementOverrideCommand(ID, "members", null, 10L, "migration", expires, PARTNER))
                .expectEvents(
                        new EntitlementOverrideSetEvent(
                                ID, "members", EntitlementKind.LIMIT, 10, "migration", "partner-1", expires),
                        changed(
                                List.of(Entitlement.limit("members", 10), Entitlement.limit("teams", 1)),
                                "override-set"))
                .expectScheduledDeadline(
                        Duration.between(fixture.currentTime(), expires),
                        new EntitlementOverrideExpiryDue("members", 2));

        fixture.given(created(), ownerAdded())
                .andGivenCommands(
                        new SetEntitlementOverrideCommand(ID, "members", null, 10L, "migration", expires, PARTNER))
                .whenTimeElapses(Duration.ofDays(7).plusSeconds(1))
                .expectEvents(
                        new EntitlementOverrideEndedEvent(
                                ID, "members", EntitlementOverrideEndedEvent.Cause.EXPIRED, null, null),
                        changed(FREE, "override-expired"));
    }

    @Test
    void aDeadlineEndsTheOverrideOfADeletedTenantToo() {
        Instant expires = fixture.currentTime().plus(Duration.ofDays(1));
        fixture.given(created(), ownerAdded())
                .andGivenCommands(new SetEntitlementOverrideCommand(ID, "sso", true, null, "pilot", expires, PARTNER))
                .andGiven(new TenantDeletedEvent(ID))
                .whenTimeElapses(Duration.ofDays(1).plusSeconds(1))
                .expectEvents(
                        new EntitlementOverrideEndedEvent(
                                ID, "sso", EntitlementOverrideEndedEvent.Cause.EXPIRED, null, null),
                        changed(FREE, "override-expired"));
    }

    @Test
    void aDeadlineOfAReplacedOverrideLeavesTheNewOneAlone() {
        Instant first = fixture.currentTime().plus(Duration.ofHours(1));
        Instant second = fixture.currentTime().plus(Duration.ofDays(2));
        fixture.given(created(), ownerAdded())
                .andGivenCommands(
                        new SetEntitlementOverrideCommand(ID, "members", null, 10L, "trial", first, PARTNER),
                        new SetEntitlementOverrideCommand(ID, "members", null, 20L, "extended", second, PARTNER))
                .whenTimeElapses(Duration.ofHours(2))
                .expectNoEvents();
    }

    @Test
    void aLoweredLimitRefusesTheNextMember() {
        fixture.given(created(), ownerAdded())
                .andGivenCommands(new SetEntitlementOverrideCommand(ID, "members", null, 1L, "frozen", null, PARTNER))
                .when(new AddMemberCommand(ID, Caller.user(OWNER), "user-2", MemberRole.MEMBER))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.CONFLICT, "plan_limit_reached"));
    }

    @Test
    void aFeatureGrantedAndRemovedIsAnnouncedEachTime() {
        fixture.given(created(), ownerAdded())
                .andGivenCommands(new SetEntitlementOverrideCommand(ID, "sso", true, null, "pilot", null, PARTNER))
                .when(new RemoveEntitlementOverrideCommand(ID, "sso", "pilot over", PARTNER))
                .expectEvents(
                        new EntitlementOverrideEndedEvent(
                                ID, "sso", EntitlementOverrideEndedEvent.Cause.REMOVED, "partner-1", "pilot over"),
                        changed(FREE, "override-removed"));
    }

    @Test
    void onlyAPartnerAdminOverridesAndOnlyWhatTheCatalogueKnows() {
        fixture.given(created(), ownerAdded())
                .when(new SetEntitlementOverrideCommand(ID, "members", null, 10L, "mine", null, Caller.user(OWNER)))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
        fixture.given(created(), ownerAdded())
                .when(new SetEntitlementOverrideCommand(ID, "warp-drive", true, null, "why not", null, PARTNER))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.NOT_FOUND, "unknown_entitlement"));
        fixture.given(created(), ownerAdded())
                .when(new SetEntitlementOverrideCommand(ID, "members", null, 10L, " ", null, PARTNER))
                .expectNoEvents()
                .expectException(refusal(DomainRefusal.Kind.INVALID, "reason_required"));
    }

    @Test
    void settingTheValueTheTenantAlreadyHasRecordsTheOverrideButAnnouncesNothing() {
        fixture.given(created(), ownerAdded())
                .when(new SetEntitlementOverrideCommand(ID, "members", null, 3L, "pinned", null, PARTNER))
                .expectEvents(new EntitlementOverrideSetEvent(
                        ID, "members", EntitlementKind.LIMIT, 3, "pinned", "partner-1", null));
    }

    private static TenantEntitlementsChangedEvent changed(List<Entitlement> entitlements, String cause) {
        return new TenantEntitlementsChangedEvent(ID, "free", entitlements, List.of(), cause);
    }
}
