package io.tenantry.command.tenant;

import static io.tenantry.command.Refusals.refusal;
import static io.tenantry.command.tenant.TenantFixtures.ID;
import static io.tenantry.command.tenant.TenantFixtures.OWNER;
import static io.tenantry.command.tenant.TenantFixtures.added;
import static io.tenantry.command.tenant.TenantFixtures.created;
import static io.tenantry.command.tenant.TenantFixtures.ownerAdded;

import io.tenantry.command.domains.DomainSettings;
import io.tenantry.command.domains.PublicEmailDomains;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal.Kind;
import io.tenantry.contracts.domains.AddTenantDomainCommand;
import io.tenantry.contracts.domains.DecideJoinRequestCommand;
import io.tenantry.contracts.domains.JoinOutcome;
import io.tenantry.contracts.domains.JoinPolicy;
import io.tenantry.contracts.domains.JoinRequestStatus;
import io.tenantry.contracts.domains.JoinTenantCommand;
import io.tenantry.contracts.domains.MemberJoinedByDomainEvent;
import io.tenantry.contracts.domains.RecordDomainCheckCommand;
import io.tenantry.contracts.domains.RemoveTenantDomainCommand;
import io.tenantry.contracts.domains.SetDomainJoinPolicyCommand;
import io.tenantry.contracts.domains.TenantDomainAddedEvent;
import io.tenantry.contracts.domains.TenantDomainJoinPolicySetEvent;
import io.tenantry.contracts.domains.TenantDomainRecheckedEvent;
import io.tenantry.contracts.domains.TenantDomainRemovedEvent;
import io.tenantry.contracts.domains.TenantDomainUnverifiedEvent;
import io.tenantry.contracts.domains.TenantDomainVerifiedEvent;
import io.tenantry.contracts.domains.TenantJoinRequestDecidedEvent;
import io.tenantry.contracts.domains.TenantJoinRequestedEvent;
import io.tenantry.contracts.domains.VerificationMethod;
import io.tenantry.contracts.tenant.DeleteTenantCommand;
import io.tenantry.contracts.tenant.MemberAddedEvent;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.TenantDeletedEvent;
import java.time.Duration;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A tenant's e-mail domains on the Tenant aggregate: who may add one and which (no public provider's, one form of the
 * name), what a check found verifies it, failed re-verifications unverify it, deleting the tenant gives its domains up,
 * and joining by a verified domain follows its policy within the plan's member limit.
 */
class TenantDomainsTest {

    private static final String DOMAIN = "acme.example";
    private static final String CHALLENGE = "tenantry-verification=abc";
    private static final Caller OWNER_CALLER = Caller.user(OWNER);
    private static final Caller ADMIN_CALLER = Caller.user("admin-1");
    private static final Caller MEMBER_CALLER = Caller.user("member-1");
    private static final Caller DANA = new Caller("dana", Set.of(), Set.of(), "Dana@Acme.Example");

    private AggregateTestFixture<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = TenantFixtures.fixture();
        fixture.registerInjectableResource(PublicEmailDomains.of(Set.of("gmail.com", "outlook.com")));
        fixture.registerInjectableResource(new DomainSettings(Duration.ofHours(24), Duration.ofHours(1), 2));
    }

    @Test
    void anOwnerAddsADomainInOneFormAndItIsPending() {
        fixture.given(created(), ownerAdded())
                .when(new AddTenantDomainCommand(ID, OWNER_CALLER, " ACME.Example. ", CHALLENGE))
                .expectEvents(new TenantDomainAddedEvent(ID, DOMAIN, CHALLENGE, OWNER))
                .expectResultMessagePayloadMatching(domainIn(DOMAIN, "PENDING"));

        fixture.given(created(), ownerAdded())
                .when(new AddTenantDomainCommand(ID, OWNER_CALLER, "bücher.example", CHALLENGE))
                .expectEvents(new TenantDomainAddedEvent(ID, "xn--bcher-kva.example", CHALLENGE, OWNER));
    }

    @Test
    void refusesPublicProvidersBadNamesDuplicatesAndMembers() {
        fixture.given(created(), ownerAdded())
                .when(new AddTenantDomainCommand(ID, OWNER_CALLER, "Gmail.com", CHALLENGE))
                .expectNoEvents()
                .expectException(refusal(Kind.UNPROCESSABLE, "public_email_domain"));
        fixture.given(created(), ownerAdded())
                .when(new AddTenantDomainCommand(ID, OWNER_CALLER, "eu.outlook.com", CHALLENGE))
                .expectException(refusal(Kind.UNPROCESSABLE, "public_email_domain"));
        for (String bad : new String[] {"localhost", "10.0.0.1", "[::1]", "-acme.example", "a..example", "acme .com"}) {
            fixture.given(created(), ownerAdded())
                    .when(new AddTenantDomainCommand(ID, OWNER_CALLER, bad, CHALLENGE))
                    .expectNoEvents()
                    .expectException(refusal(Kind.INVALID, "invalid_domain"));
        }
        fixture.given(created(), ownerAdded(), new TenantDomainAddedEvent(ID, DOMAIN, CHALLENGE, OWNER))
                .when(new AddTenantDomainCommand(ID, OWNER_CALLER, DOMAIN, "tenantry-verification=other"))
                .expectException(refusal(Kind.CONFLICT, "domain_exists"));
        fixture.given(created(), ownerAdded(), added("member-1", MemberRole.MEMBER))
                .when(new AddTenantDomainCommand(ID, MEMBER_CALLER, DOMAIN, CHALLENGE))
                .expectException(refusal(Kind.FORBIDDEN, "insufficient_role"));
        fixture.given(created(), ownerAdded())
                .when(new AddTenantDomainCommand(ID, Caller.user("stranger"), DOMAIN, CHALLENGE))
                .expectException(refusal(Kind.NOT_FOUND, "tenant_not_found"));
    }

    @Test
    void aCheckThatFoundTheChallengeVerifiesTheDomainOnce() {
        fixture.given(created(), ownerAdded(), added("admin-1", MemberRole.ADMIN), domainAdded())
                .when(check(ADMIN_CALLER, CHALLENGE, true, false))
                .expectEvents(new TenantDomainVerifiedEvent(ID, DOMAIN, VerificationMethod.DNS, "admin-1"))
                .expectResultMessagePayloadMatching(domainIn(DOMAIN, "VERIFIED"));

        fixture.given(created(), ownerAdded(), domainAdded(), verified())
                .when(check(OWNER_CALLER, CHALLENGE, true, false))
                .expectNoEvents();
        fixture.given(created(), ownerAdded(), domainAdded())
                .when(check(OWNER_CALLER, CHALLENGE, false, false))
                .expectNoEvents()
                .expectException(refusal(Kind.UNPROCESSABLE, "domain_not_verified"));
        fixture.given(created(), ownerAdded(), domainAdded())
                .when(check(OWNER_CALLER, "tenantry-verification=of-an-earlier-claim", true, false))
                .expectNoEvents()
                .expectException(refusal(Kind.CONFLICT, "domain_changed"));
        fixture.given(created(), ownerAdded(), domainAdded())
                .when(new RecordDomainCheckCommand(
                        ID, OWNER_CALLER, "other.example", CHALLENGE, VerificationMethod.DNS, true, "", false))
                .expectException(refusal(Kind.NOT_FOUND, "domain_not_found"));
    }

    @Test
    void failedRecheckesInARowUnverifyTheDomainAndAPassClearsThem() {
        fixture.given(created(), ownerAdded(), domainAdded(), verified())
                .when(check(null, CHALLENGE, false, true))
                .expectEvents(new TenantDomainRecheckedEvent(
                        ID, DOMAIN, VerificationMethod.DNS, false, 1, "DNS: record_missing"));

        fixture.given(created(), ownerAdded(), domainAdded(), verified(), failed(1))
                .when(check(null, CHALLENGE, true, true))
                .expectEvents(new TenantDomainRecheckedEvent(
                        ID, DOMAIN, VerificationMethod.DNS, true, 0, "DNS: record_missing"));

        fixture.given(created(), ownerAdded(), domainAdded(), verified(), failed(1))
                .when(check(null, CHALLENGE, false, true))
                .expectEvents(
                        new TenantDomainRecheckedEvent(
                                ID, DOMAIN, VerificationMethod.DNS, false, 2, "DNS: record_missing"),
                        new TenantDomainUnverifiedEvent(ID, DOMAIN, TenantDomainUnverifiedEvent.CHECKS_FAILED))
                .expectResultMessagePayloadMatching(domainIn(DOMAIN, "UNVERIFIED"));

        // a pass as the one before, a check of an unverified domain or of an earlier claim: nothing to record
        fixture.given(created(), ownerAdded(), domainAdded(), verified())
                .when(check(null, CHALLENGE, true, true))
                .expectNoEvents();
        fixture.given(created(), ownerAdded(), domainAdded())
                .when(check(null, CHALLENGE, false, true))
                .expectNoEvents();
        fixture.given(created(), ownerAdded(), domainAdded(), verified())
                .when(check(null, "tenantry-verification=of-an-earlier-claim", false, true))
                .expectNoEvents();
    }

    @Test
    void deletingTheTenantGivesItsVerifiedDomainsUp() {
        fixture.given(
                        created(),
                        ownerAdded(),
                        domainAdded(),
                        verified(),
                        new TenantDomainAddedEvent(ID, "pending.example", CHALLENGE, OWNER))
                .when(new DeleteTenantCommand(ID, null, OWNER_CALLER))
                .expectEvents(
                        new TenantDomainUnverifiedEvent(ID, DOMAIN, TenantDomainUnverifiedEvent.TENANT_DELETED),
                        new TenantDeletedEvent(ID));
    }

    @Test
    void anAdminSetsTheJoinPolicyButNeverOwnerAndRemovesTheDomain() {
        fixture.given(created(), ownerAdded(), added("admin-1", MemberRole.ADMIN), domainAdded())
                .when(new SetDomainJoinPolicyCommand(ID, ADMIN_CALLER, DOMAIN, JoinPolicy.AUTO, null))
                .expectEvents(
                        new TenantDomainJoinPolicySetEvent(ID, DOMAIN, JoinPolicy.AUTO, MemberRole.MEMBER, "admin-1"));
        fixture.given(created(), ownerAdded(), domainAdded())
                .when(new SetDomainJoinPolicyCommand(ID, OWNER_CALLER, DOMAIN, JoinPolicy.AUTO, MemberRole.OWNER))
                .expectNoEvents()
                .expectException(refusal(Kind.INVALID, "invalid_role"));
        fixture.given(created(), ownerAdded(), domainAdded())
                .when(new SetDomainJoinPolicyCommand(ID, OWNER_CALLER, DOMAIN, JoinPolicy.OFF, MemberRole.MEMBER))
                .expectNoEvents();
        fixture.given(created(), ownerAdded(), domainAdded(), verified())
                .when(new RemoveTenantDomainCommand(ID, OWNER_CALLER, DOMAIN))
                .expectEvents(new TenantDomainRemovedEvent(ID, DOMAIN, OWNER));
    }

    @Test
    void autoMakesAMemberAtOnceWithTheDefaultRole() {
        fixture.given(created(), ownerAdded(), domainAdded(), verified(), policy(JoinPolicy.AUTO, MemberRole.ADMIN))
                .when(new JoinTenantCommand(ID, DANA, "request-1"))
                .expectEvents(
                        new MemberJoinedByDomainEvent(ID, "dana", "Dana@Acme.Example", DOMAIN, MemberRole.ADMIN),
                        new MemberAddedEvent(ID, "dana", MemberRole.ADMIN))
                .expectResultMessagePayload(
                        new JoinOutcome(ID, "dana", JoinOutcome.Status.JOINED, MemberRole.ADMIN, null));
    }

    @Test
    void suggestMakesOneRequestThatAnAdminApprovesOrDenies() {
        fixture.given(created(), ownerAdded(), domainAdded(), verified(), policy(JoinPolicy.SUGGEST, MemberRole.MEMBER))
                .when(new JoinTenantCommand(ID, DANA, "request-1"))
                .expectEvents(new TenantJoinRequestedEvent(
                        ID, "request-1", "dana", "Dana@Acme.Example", DOMAIN, MemberRole.MEMBER))
                .expectResultMessagePayload(
                        new JoinOutcome(ID, "dana", JoinOutcome.Status.REQUESTED, MemberRole.MEMBER, "request-1"));

        fixture.given(created(), ownerAdded(), domainAdded(), verified(), policy(JoinPolicy.SUGGEST, MemberRole.MEMBER))
                .andGivenCommands(new JoinTenantCommand(ID, DANA, "request-1"))
                .when(new JoinTenantCommand(ID, DANA, "request-2"))
                .expectNoEvents()
                .expectResultMessagePayload(
                        new JoinOutcome(ID, "dana", JoinOutcome.Status.REQUESTED, MemberRole.MEMBER, "request-1"));

        fixture.given(created(), ownerAdded(), domainAdded(), verified(), policy(JoinPolicy.SUGGEST, MemberRole.MEMBER))
                .andGivenCommands(new JoinTenantCommand(ID, DANA, "request-1"))
                .when(new DecideJoinRequestCommand(ID, OWNER_CALLER, "request-1", true))
                .expectEvents(
                        new TenantJoinRequestDecidedEvent(
                                ID, "request-1", "dana", JoinRequestStatus.APPROVED, MemberRole.MEMBER, OWNER),
                        new MemberAddedEvent(ID, "dana", MemberRole.MEMBER));

        fixture.given(created(), ownerAdded(), domainAdded(), verified(), policy(JoinPolicy.SUGGEST, MemberRole.MEMBER))
                .andGivenCommands(
                        new JoinTenantCommand(ID, DANA, "request-1"),
                        new DecideJoinRequestCommand(ID, OWNER_CALLER, "request-1", false))
                .when(new DecideJoinRequestCommand(ID, OWNER_CALLER, "request-1", true))
                .expectNoEvents()
                .expectException(refusal(Kind.NOT_FOUND, "join_request_not_found"));

        fixture.given(
                        created(),
                        ownerAdded(),
                        added("member-1", MemberRole.MEMBER),
                        domainAdded(),
                        verified(),
                        policy(JoinPolicy.SUGGEST, MemberRole.MEMBER))
                .andGivenCommands(new JoinTenantCommand(ID, DANA, "request-1"))
                .when(new DecideJoinRequestCommand(ID, MEMBER_CALLER, "request-1", true))
                .expectException(refusal(Kind.FORBIDDEN, "insufficient_role"));
    }

    @Test
    void whoMayNotJoinIsToldWhy() {
        // no verified address: whatever the tenant
        fixture.given(created(), ownerAdded(), domainAdded(), verified(), policy(JoinPolicy.AUTO, MemberRole.MEMBER))
                .when(new JoinTenantCommand(ID, Caller.user("dana"), "request-1"))
                .expectException(refusal(Kind.FORBIDDEN, "email_not_verified"));
        // an address elsewhere, or at a domain not verified: as a stranger
        fixture.given(created(), ownerAdded(), domainAdded(), verified(), policy(JoinPolicy.AUTO, MemberRole.MEMBER))
                .when(new JoinTenantCommand(
                        ID, new Caller("eve", Set.of(), Set.of(), "eve@elsewhere.example"), "request-1"))
                .expectException(refusal(Kind.NOT_FOUND, "tenant_not_found"));
        fixture.given(created(), ownerAdded(), domainAdded(), policy(JoinPolicy.AUTO, MemberRole.MEMBER))
                .when(new JoinTenantCommand(ID, DANA, "request-1"))
                .expectException(refusal(Kind.NOT_FOUND, "tenant_not_found"));
        // the tenant's own domain, but joining by it is off
        fixture.given(created(), ownerAdded(), domainAdded(), verified())
                .when(new JoinTenantCommand(ID, DANA, "request-1"))
                .expectNoEvents()
                .expectException(refusal(Kind.FORBIDDEN, "join_not_allowed"));
        // a member already
        fixture.given(
                        created(),
                        ownerAdded(),
                        added("dana", MemberRole.MEMBER),
                        domainAdded(),
                        verified(),
                        policy(JoinPolicy.AUTO, MemberRole.MEMBER))
                .when(new JoinTenantCommand(ID, DANA, "request-1"))
                .expectException(refusal(Kind.CONFLICT, "already_member"));
    }

    @Test
    void aJoinAndAnApprovalAreHeldToThePlansMemberLimit() {
        // the default plan of the fixture allows 3 members
        fixture.given(
                        created(),
                        ownerAdded(),
                        added("user-2", MemberRole.MEMBER),
                        added("user-3", MemberRole.MEMBER),
                        domainAdded(),
                        verified(),
                        policy(JoinPolicy.AUTO, MemberRole.MEMBER))
                .when(new JoinTenantCommand(ID, DANA, "request-1"))
                .expectNoEvents()
                .expectException(refusal(Kind.CONFLICT, "plan_limit_reached"));

        fixture.given(
                        created(),
                        ownerAdded(),
                        added("user-2", MemberRole.MEMBER),
                        domainAdded(),
                        verified(),
                        policy(JoinPolicy.SUGGEST, MemberRole.MEMBER))
                .andGivenCommands(new JoinTenantCommand(ID, DANA, "request-1"))
                .andGiven(added("user-3", MemberRole.MEMBER))
                .when(new DecideJoinRequestCommand(ID, OWNER_CALLER, "request-1", true))
                .expectNoEvents()
                .expectException(refusal(Kind.CONFLICT, "plan_limit_reached"));
    }

    private static TenantDomainAddedEvent domainAdded() {
        return new TenantDomainAddedEvent(ID, DOMAIN, CHALLENGE, OWNER);
    }

    private static TenantDomainVerifiedEvent verified() {
        return new TenantDomainVerifiedEvent(ID, DOMAIN, VerificationMethod.DNS, OWNER);
    }

    private static TenantDomainRecheckedEvent failed(int failures) {
        return new TenantDomainRecheckedEvent(
                ID, DOMAIN, VerificationMethod.DNS, false, failures, "DNS: record_missing");
    }

    private static TenantDomainJoinPolicySetEvent policy(JoinPolicy policy, MemberRole role) {
        return new TenantDomainJoinPolicySetEvent(ID, DOMAIN, policy, role, OWNER);
    }

    private static RecordDomainCheckCommand check(Caller caller, String challenge, boolean passed, boolean periodic) {
        return new RecordDomainCheckCommand(
                ID, caller, DOMAIN, challenge, VerificationMethod.DNS, passed, "DNS: record_missing", periodic);
    }

    /** A command answer that is the domain in this status. */
    private static Matcher<Object> domainIn(String domain, String status) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof io.tenantry.contracts.domains.TenantDomainView view
                        && view.domain().equals(domain)
                        && view.status().name().equals(status);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("the domain " + domain + " " + status);
            }
        };
    }
}
