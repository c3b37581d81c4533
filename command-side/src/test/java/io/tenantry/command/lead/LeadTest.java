package io.tenantry.command.lead;

import io.tenantry.command.Refusals;
import io.tenantry.command.secret.OneTimeSecrets;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.lead.ConvertLeadCommand;
import io.tenantry.contracts.lead.CreateLeadCommand;
import io.tenantry.contracts.lead.LeadContact;
import io.tenantry.contracts.lead.LeadConvertedEvent;
import io.tenantry.contracts.lead.LeadCreatedEvent;
import io.tenantry.contracts.lead.LeadExpiredEvent;
import io.tenantry.contracts.lead.LeadLockedEvent;
import io.tenantry.contracts.lead.LeadVerificationCodeIssuedEvent;
import io.tenantry.contracts.lead.LeadVerificationFailedEvent;
import io.tenantry.contracts.lead.LeadVerifiedEvent;
import io.tenantry.contracts.lead.ResendLeadVerificationCommand;
import io.tenantry.contracts.lead.VerificationOutcome;
import io.tenantry.contracts.lead.VerifyLeadCommand;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every path of a lead: creation, verification (right, wrong, lock, expired code), resend, expiry, conversion. */
class LeadTest {

    private static final String ID = "lead-1";
    private static final String CODE = "the-code";
    private AggregateTestFixture<Lead> fixture;
    private Instant start;
    private Instant expires;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Lead.class);
        fixture.registerInjectableResource(new LeadPolicy(Duration.ofHours(24), Duration.ofHours(1), 3));
        start = fixture.currentTime();
        expires = start.plus(Duration.ofHours(24));
    }

    private CreateLeadCommand create() {
        return new CreateLeadCommand(
                ID, "Jane Doe", "jane@acme.example", "Acme", null, OneTimeSecrets.hash(CODE), expires);
    }

    private LeadCreatedEvent created() {
        return new LeadCreatedEvent(
                ID, "Jane Doe", "jane@acme.example", "Acme", null, OneTimeSecrets.hash(CODE), expires);
    }

    private VerifyLeadCommand verify(String code) {
        return new VerifyLeadCommand(ID, OneTimeSecrets.hash(code), start.plus(Duration.ofMinutes(5)));
    }

    @Test
    void registersALeadAndSchedulesItsExpiry() {
        fixture.givenNoPriorActivity()
                .when(create())
                .expectEvents(created())
                .expectScheduledDeadline(Duration.between(fixture.currentTime(), expires), new LeadExpiryDue(expires));
    }

    @Test
    void refusesAnInvalidRegistration() {
        fixture.givenNoPriorActivity()
                .when(new CreateLeadCommand(ID, " ", "jane@acme.example", "Acme", null, "h", expires))
                .expectNoEvents()
                .expectException(refusal("invalid_lead_name"));
        fixture.givenNoPriorActivity()
                .when(new CreateLeadCommand(ID, "Jane", "not-an-address", "Acme", null, "h", expires))
                .expectNoEvents()
                .expectException(refusal("invalid_email"));
        fixture.givenNoPriorActivity()
                .when(new CreateLeadCommand(ID, "Jane", "jane@acme.example", "", null, "h", expires))
                .expectNoEvents()
                .expectException(refusal("invalid_company_name"));
    }

    @Test
    void verifiesWithTheRightCode() {
        fixture.given(created())
                .when(verify(CODE))
                .expectEvents(new LeadVerifiedEvent(ID))
                .expectResultMessagePayloadMatching(outcome(VerificationOutcome.Result.VERIFIED));
    }

    @Test
    void countsAWrongCode() {
        fixture.given(created())
                .when(verify("wrong"))
                .expectEvents(new LeadVerificationFailedEvent(ID, 1))
                .expectResultMessagePayload(new VerificationOutcome(VerificationOutcome.Result.WRONG_CODE, 2));
    }

    @Test
    void locksAfterTheLastAllowedWrongCode() {
        fixture.given(created(), new LeadVerificationFailedEvent(ID, 1), new LeadVerificationFailedEvent(ID, 2))
                .when(verify("wrong"))
                .expectEvents(new LeadVerificationFailedEvent(ID, 3), new LeadLockedEvent(ID))
                .expectResultMessagePayload(new VerificationOutcome(VerificationOutcome.Result.LOCKED, 0));
    }

    @Test
    void refusesEvenTheRightCodeOnceLocked() {
        fixture.given(created(), new LeadVerificationFailedEvent(ID, 3), new LeadLockedEvent(ID))
                .when(verify(CODE))
                .expectNoEvents()
                .expectResultMessagePayload(new VerificationOutcome(VerificationOutcome.Result.LOCKED, 0));
        fixture.given(created(), new LeadLockedEvent(ID))
                .when(new ResendLeadVerificationCommand(ID, "h2", expires))
                .expectNoEvents()
                .expectException(conflict("lead_locked"));
    }

    @Test
    void refusesTheRightCodeAfterItExpired() {
        fixture.given(created())
                .when(new VerifyLeadCommand(ID, OneTimeSecrets.hash(CODE), expires.plusSeconds(1)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcome(VerificationOutcome.Result.CODE_EXPIRED));
    }

    @Test
    void usesACodeOnce() {
        fixture.given(created(), new LeadVerifiedEvent(ID))
                .when(verify(CODE))
                .expectEvents(new LeadVerificationFailedEvent(ID, 1))
                .expectResultMessagePayloadMatching(outcome(VerificationOutcome.Result.WRONG_CODE));
    }

    @Test
    void resendReplacesTheCodeResetsTheCountAndMovesTheExpiry() {
        Instant later = expires.plus(Duration.ofHours(24));
        fixture.given(created(), new LeadVerificationFailedEvent(ID, 2))
                .when(new ResendLeadVerificationCommand(ID, OneTimeSecrets.hash("new-code"), later))
                .expectEvents(new LeadVerificationCodeIssuedEvent(ID, OneTimeSecrets.hash("new-code"), later))
                .expectResultMessagePayload(new LeadContact("Jane Doe", "jane@acme.example", "Acme"))
                .expectScheduledDeadline(Duration.between(fixture.currentTime(), later), new LeadExpiryDue(later));
        fixture.given(created(), new LeadVerificationCodeIssuedEvent(ID, OneTimeSecrets.hash("new-code"), expires))
                .when(verify(CODE))
                .expectEvents(new LeadVerificationFailedEvent(ID, 1));
    }

    @Test
    void expiresWhenNotVerifiedInTime() {
        fixture.givenCommands(create())
                .whenTimeElapses(
                        Duration.between(fixture.currentTime(), expires).plusSeconds(1))
                .expectDeadlinesMet(new LeadExpiryDue(expires))
                .expectEvents(new LeadExpiredEvent(ID));
    }

    @Test
    void doesNotExpireAVerifiedLead() {
        fixture.givenCommands(create(), verify(CODE))
                .whenTimeElapses(
                        Duration.between(fixture.currentTime(), expires).plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void ignoresTheDeadlineOfASupersededCode() {
        Instant later = expires.plus(Duration.ofHours(24));
        fixture.givenCommands(create(), new ResendLeadVerificationCommand(ID, "h2", later))
                .whenTimeElapses(
                        Duration.between(fixture.currentTime(), expires).plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void refusesToVerifyAnExpiredLead() {
        fixture.given(created(), new LeadExpiredEvent(ID))
                .when(verify(CODE))
                .expectNoEvents()
                .expectException(conflict("lead_expired"));
    }

    @Test
    void convertsAVerifiedLeadOnce() {
        fixture.given(created(), new LeadVerifiedEvent(ID))
                .when(new ConvertLeadCommand(ID, "tenant-1"))
                .expectEvents(new LeadConvertedEvent(ID, "tenant-1"))
                .expectResultMessagePayload(new LeadContact("Jane Doe", "jane@acme.example", "Acme"));
        fixture.given(created(), new LeadVerifiedEvent(ID), new LeadConvertedEvent(ID, "tenant-1"))
                .when(new ConvertLeadCommand(ID, "tenant-2"))
                .expectNoEvents()
                .expectException(conflict("lead_already_converted"));
    }

    @Test
    void convertsOnlyAVerifiedLead() {
        fixture.given(created())
                .when(new ConvertLeadCommand(ID, "tenant-1"))
                .expectNoEvents()
                .expectException(conflict("lead_not_verified"));
    }

    @Test
    void refusesToVerifyOrResendForAConvertedLead() {
        fixture.given(created(), new LeadVerifiedEvent(ID), new LeadConvertedEvent(ID, "tenant-1"))
                .when(new ResendLeadVerificationCommand(ID, "h2", expires))
                .expectNoEvents()
                .expectException(conflict("lead_already_converted"));
    }

    private static Matcher<Object> outcome(VerificationOutcome.Result result) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof VerificationOutcome outcome && outcome.result() == result;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an outcome " + result);
            }
        };
    }

    private static Matcher<Throwable> refusal(String code) {
        return Refusals.refusal(DomainRefusal.Kind.INVALID, code);
    }

    private static Matcher<Throwable> conflict(String code) {
        return Refusals.refusal(DomainRefusal.Kind.CONFLICT, code);
    }
}
