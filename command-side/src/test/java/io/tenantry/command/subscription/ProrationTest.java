package io.tenantry.command.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.command.subscription.Proration.Period;
import io.tenantry.command.subscription.Proration.Quote;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.plan.Plan;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Tenantry's proration rules, figure by figure, in exact minor units: period ends, leap years, rounding. */
class ProrationTest {

    private static final Plan FREE = plan("free", "0", "USD", "month");
    private static final Plan TEAM = plan("team", "49.00", "USD", "month");
    private static final Plan BUSINESS = plan("business", "199.00", "USD", "month");
    private static final Plan ODD = plan("odd", "49.01", "USD", "month");
    private static final Plan TEAM_YEARLY = plan("team-yearly", "490.00", "USD", "year");
    private static final Plan EURO = plan("euro", "39.00", "EUR", "month");

    private static Plan plan(String id, String price, String currency, String interval) {
        return new Plan(id, id, new BigDecimal(price), currency, interval, 5, 2, null);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void aChangeAtThePeriodsFirstSecondCreditsAndChargesWholePeriods() {
        Quote quote = Proration.quote(at("2026-01-10T09:30:00Z"), TEAM, BUSINESS, at("2026-03-10T09:30:00Z"));

        assertThat(quote.period()).isEqualTo(new Period(at("2026-03-10T09:30:00Z"), at("2026-04-10T09:30:00Z")));
        assertThat(quote.credit()).isEqualTo(-4900);
        assertThat(quote.charge()).isEqualTo(19900);
        assertThat(quote.dueNow()).isEqualTo(15000);
        assertThat(quote.creditCarried()).isZero();
        assertThat(quote.nextInvoiceAmount()).isEqualTo(19900);
        assertThat(quote.nextInvoiceAt()).isEqualTo(at("2026-04-10T09:30:00Z"));
        assertThat(quote.currency()).isEqualTo("USD");
    }

    @Test
    void aChangeAtThePeriodsLastSecondCostsWhatOneSecondOfItRoundsTo() {
        // March 10 to April 10: 31 days, 2,678,400 seconds; one second of 49.00 or 199.00 rounds to nothing
        Quote last = Proration.quote(at("2026-01-10T09:30:00Z"), TEAM, BUSINESS, at("2026-04-10T09:29:59.999Z"));

        assertThat(last.period()).isEqualTo(new Period(at("2026-03-10T09:30:00Z"), at("2026-04-10T09:30:00Z")));
        assertThat(last.period().seconds()).isEqualTo(2_678_400);
        assertThat(last.credit()).isZero();
        assertThat(last.charge()).isZero();
        assertThat(last.dueNow()).isZero();

        Quote next = Proration.quote(at("2026-01-10T09:30:00Z"), TEAM, BUSINESS, at("2026-04-10T09:30:00Z"));
        assertThat(next.period().start())
                .as("the next second opens the next period")
                .isEqualTo(at("2026-04-10T09:30:00Z"));
        assertThat(next.charge()).isEqualTo(19900);
    }

    @Test
    void roundsEachFigureHalfUpFromTheExactFraction() {
        // April 1 to May 1: 30 days; at the half, 49.01 is 2450.5 cents each way
        Quote half = Proration.quote(at("2026-04-01T00:00:00Z"), ODD, BUSINESS, at("2026-04-16T00:00:00Z"));
        assertThat(half.credit()).isEqualTo(-2451);
        assertThat(half.charge()).isEqualTo(9950);
        assertThat(half.dueNow()).isEqualTo(7499);

        // one day of thirty: 163.33... and 663.33...
        Quote day = Proration.quote(at("2026-04-01T00:00:00Z"), TEAM, BUSINESS, at("2026-04-30T00:00:00Z"));
        assertThat(day.credit()).isEqualTo(-163);
        assertThat(day.charge()).isEqualTo(663);
        assertThat(day.dueNow()).isEqualTo(500);

        assertThat(Proration.share(1, 1, 2)).isEqualTo(1);
        assertThat(Proration.share(1, 1, 3)).isZero();
        assertThat(Proration.share(2, 1, 3)).isEqualTo(1);
        assertThat(Proration.share(Long.MAX_VALUE / 2, 31_622_400, 31_622_400))
                .as("no overflow on the way")
                .isEqualTo(Long.MAX_VALUE / 2);
    }

    @Test
    void aThirtyFirstAnchorEndsShortMonthsOnTheirLastDay() {
        Instant anchor = at("2027-01-31T08:00:00Z");
        assertThat(Proration.periodAt(anchor, "month", at("2027-02-10T00:00:00Z")))
                .isEqualTo(new Period(at("2027-01-31T08:00:00Z"), at("2027-02-28T08:00:00Z")));
        assertThat(Proration.periodAt(anchor, "month", at("2027-02-28T08:00:00Z")))
                .isEqualTo(new Period(at("2027-02-28T08:00:00Z"), at("2027-03-31T08:00:00Z")));
        assertThat(Proration.periodAt(anchor, "month", at("2027-04-30T07:59:59Z")))
                .isEqualTo(new Period(at("2027-03-31T08:00:00Z"), at("2027-04-30T08:00:00Z")));
        assertThat(Proration.periodAt(anchor, "month", at("2027-05-15T00:00:00Z")))
                .isEqualTo(new Period(at("2027-04-30T08:00:00Z"), at("2027-05-31T08:00:00Z")));
    }

    @Test
    void aLeapYearsFebruaryHasItsTwentyNinthDay() {
        Instant anchor = at("2028-01-31T00:00:00Z");
        Quote quote = Proration.quote(anchor, TEAM, BUSINESS, at("2028-02-28T00:00:00Z"));

        assertThat(quote.period()).isEqualTo(new Period(at("2028-01-31T00:00:00Z"), at("2028-02-29T00:00:00Z")));
        assertThat(quote.period().seconds()).isEqualTo(29 * 86_400);
        // one day of 29: 168.97 and 686.21
        assertThat(quote.credit()).isEqualTo(-169);
        assertThat(quote.charge()).isEqualTo(686);
        assertThat(Proration.periodAt(anchor, "month", at("2028-03-01T00:00:00Z")))
                .isEqualTo(new Period(at("2028-02-29T00:00:00Z"), at("2028-03-31T00:00:00Z")));
    }

    @Test
    void aYearlyPeriodOverALeapDayHas366DaysAndAFebruary29AnchorFallsBackToThe28th() {
        Instant anchor = at("2027-06-01T00:00:00Z");
        Quote half = Proration.quote(anchor, TEAM_YEARLY, FREE, at("2027-12-01T00:00:00Z"));
        assertThat(Proration.periodAt(anchor, "year", at("2027-12-01T00:00:00Z"))
                        .seconds())
                .isEqualTo(366 * 86_400);
        // 183 days left of 366: exactly half of 490.00
        assertThat(half.credit()).isEqualTo(-24500);

        Instant leapDay = at("2028-02-29T12:00:00Z");
        assertThat(Proration.periodAt(leapDay, "year", at("2029-06-01T00:00:00Z")))
                .isEqualTo(new Period(at("2029-02-28T12:00:00Z"), at("2030-02-28T12:00:00Z")));
        assertThat(Proration.periodAt(leapDay, "year", at("2032-03-01T00:00:00Z")))
                .isEqualTo(new Period(at("2032-02-29T12:00:00Z"), at("2033-02-28T12:00:00Z")));
    }

    @Test
    void aDowngradeToFreeIsOnlyACreditCarriedToTheNextInvoice() {
        Quote quote = Proration.quote(at("2026-04-01T00:00:00Z"), TEAM, FREE, at("2026-04-16T00:00:00Z"));

        assertThat(quote.credit()).isEqualTo(-2450);
        assertThat(quote.charge()).isZero();
        assertThat(quote.dueNow()).isZero();
        assertThat(quote.creditCarried()).isEqualTo(2450);
        assertThat(quote.nextInvoiceAmount()).isZero();
        assertThat(quote.currency()).as("the credited plan's").isEqualTo("USD");
    }

    @Test
    void aCreditLargerThanTheChargeIsCarriedAndReducesTheNextInvoice() {
        Quote quote = Proration.quote(at("2026-04-01T00:00:00Z"), BUSINESS, TEAM, at("2026-04-16T00:00:00Z"));

        assertThat(quote.credit()).isEqualTo(-9950);
        assertThat(quote.charge()).isEqualTo(2450);
        assertThat(quote.dueNow()).isZero();
        assertThat(quote.creditCarried()).isEqualTo(7500);
        assertThat(quote.nextInvoiceAmount())
                .as("4900 less 7500, never below zero")
                .isZero();

        // on the last day: 663 credited, 163 charged, 500 carried, which the next 4900 absorbs
        Quote lastDay = Proration.quote(at("2026-04-01T00:00:00Z"), BUSINESS, TEAM, at("2026-04-30T00:00:00Z"));
        assertThat(lastDay.creditCarried()).isEqualTo(500);
        assertThat(lastDay.nextInvoiceAmount()).isEqualTo(4400);
    }

    @Test
    void theSamePlanCostsNothing() {
        Quote quote = Proration.quote(at("2026-04-01T00:00:00Z"), TEAM, TEAM, at("2026-04-16T00:00:00Z"));

        assertThat(quote.credit()).isZero();
        assertThat(quote.charge()).isZero();
        assertThat(quote.dueNow()).isZero();
        assertThat(quote.creditCarried()).isZero();
        assertThat(quote.nextInvoiceAmount()).isEqualTo(4900);
        assertThat(quote.nextInvoiceAt()).isEqualTo(at("2026-05-01T00:00:00Z"));
    }

    @Test
    void aMoveToAYearlyPlanChargesTheRestOfItsYear() {
        // 16 of January's 31 days left; 350 of 2027's 365
        Quote quote = Proration.quote(at("2027-01-01T00:00:00Z"), TEAM, TEAM_YEARLY, at("2027-01-16T00:00:00Z"));

        assertThat(quote.credit()).isEqualTo(-2529);
        assertThat(quote.charge()).isEqualTo(46986);
        assertThat(quote.period()).isEqualTo(new Period(at("2027-01-01T00:00:00Z"), at("2028-01-01T00:00:00Z")));
        assertThat(quote.nextInvoiceAmount()).isEqualTo(49000);
    }

    @Test
    void twoPricedPlansInDifferentCurrenciesCannotBeProratedAgainstEachOther() {
        assertThatThrownBy(() -> Proration.quote(at("2026-04-01T00:00:00Z"), TEAM, EURO, at("2026-04-16T00:00:00Z")))
                .isInstanceOfSatisfying(
                        DomainRefusal.class,
                        refusal -> assertThat(refusal.code()).isEqualTo("currency_mismatch"));
        Quote fromFree = Proration.quote(at("2026-04-01T00:00:00Z"), FREE, EURO, at("2026-04-16T00:00:00Z"));
        assertThat(fromFree.currency()).isEqualTo("EUR");
        assertThat(fromFree.charge()).isEqualTo(1950);
    }

    @Test
    void noPeriodBeforeTheSubscriptionStarted() {
        assertThatThrownBy(() -> Proration.periodAt(at("2026-04-01T00:00:00Z"), "month", at("2026-03-31T23:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proration.periodAt(at("2026-04-01T00:00:00Z"), "week", at("2026-04-02T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
