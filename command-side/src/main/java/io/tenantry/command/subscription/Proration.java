package io.tenantry.command.subscription;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.plan.Plan;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Tenantry's own proration, for billing that runs locally: what a plan change costs, exactly, in long integers of the
 * currency's minor units ({@link Plan#priceInMinorUnits()}), with no floating point anywhere.
 * <ul>
 * <li>A plan is billed for periods of its interval (month or year) anchored at the subscription's start, in UTC:
 * period k runs from the anchor plus k intervals to the anchor plus k + 1, the day of the month clamped to the month's
 * length (an anchor on January 31 gives February 28, or 29 in a leap year, then March 31).</li>
 * <li>Time counts in whole seconds (the anchor and the change truncated to theirs): the part of a period left at the
 * change is its seconds from the change to the period's end, over all its seconds.</li>
 * <li>{@code credit = -(old price × left / period)} over the old plan's period, {@code charge = new price × left /
 * period} over the new plan's, each rounded half up from the exact fraction to a minor unit. Moving to the plan it is
 * on costs nothing.</li>
 * <li>Due at once: {@code max(0, charge + credit)}. A larger credit is carried: the next invoice, the new plan's price at
 * the end of its period, is reduced by it, never below zero.</li>
 * </ul>
 * Two priced plans in different currencies cannot be prorated against each other (409 {@code currency_mismatch}).
 */
public final class Proration {

    private Proration() {}

    /** A billing period, {@code [start, end)}, in whole seconds. */
    public record Period(Instant start, Instant end) {

        public long seconds() {
            return end.getEpochSecond() - start.getEpochSecond();
        }

        public boolean contains(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }
    }

    /** What a change costs: see the class for each figure. {@code period} is the new plan's, as is the currency. */
    public record Quote(
            String currency,
            Period period,
            long credit,
            long charge,
            long dueNow,
            long creditCarried,
            long nextInvoiceAmount,
            Instant nextInvoiceAt) {}

    /** A change from {@code from} to {@code to} at {@code at}, for a subscription started at {@code anchor}. */
    public static Quote quote(Instant anchor, Plan from, Plan to, Instant at) {
        Instant when = at.truncatedTo(ChronoUnit.SECONDS);
        long oldPrice = from.priceInMinorUnits();
        long newPrice = to.priceInMinorUnits();
        String currency = currency(from, oldPrice, to, newPrice);
        Period oldPeriod = periodAt(anchor, from.interval(), when);
        Period newPeriod = periodAt(anchor, to.interval(), when);
        boolean same = from.id().equals(to.id());
        long credit = same ? 0 : -share(oldPrice, left(oldPeriod, when), oldPeriod.seconds());
        long charge = same ? 0 : share(newPrice, left(newPeriod, when), newPeriod.seconds());
        long net = charge + credit;
        long carried = Math.max(0, -net);
        return new Quote(
                currency,
                newPeriod,
                credit,
                charge,
                Math.max(0, net),
                carried,
                Math.max(0, newPrice - carried),
                newPeriod.end());
    }

    /**
     * The period of {@code interval} ({@code month} or {@code year}) that {@code at} falls in, for a subscription
     * started at {@code anchor}.
     *
     * @throws IllegalArgumentException when {@code at} is before the anchor, or the interval is neither
     */
    public static Period periodAt(Instant anchor, String interval, Instant at) {
        ChronoUnit unit = unit(interval);
        ZonedDateTime start = anchor.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneOffset.UTC);
        Instant when = at.truncatedTo(ChronoUnit.SECONDS);
        if (when.isBefore(start.toInstant())) {
            throw new IllegalArgumentException(at + " is before the subscription started (" + anchor + ")");
        }
        // between() counts whole intervals by calendar fields; the clamped boundaries may differ by one
        long k = unit.between(start, when.atZone(ZoneOffset.UTC));
        while (!start.plus(k + 1, unit).toInstant().isAfter(when)) {
            k++;
        }
        while (start.plus(k, unit).toInstant().isAfter(when)) {
            k--;
        }
        return new Period(
                start.plus(k, unit).toInstant(), start.plus(k + 1, unit).toInstant());
    }

    /** {@code amount × part / whole}, rounded half up, for non-negative figures; exact whatever their size. */
    static long share(long amount, long part, long whole) {
        BigInteger doubled = BigInteger.valueOf(amount)
                .multiply(BigInteger.valueOf(part))
                .shiftLeft(1)
                .add(BigInteger.valueOf(whole));
        return doubled.divide(BigInteger.valueOf(whole).shiftLeft(1)).longValueExact();
    }

    private static long left(Period period, Instant when) {
        return period.end().getEpochSecond() - when.getEpochSecond();
    }

    /** The new plan's currency, or the old one's when only the old plan is priced. */
    private static String currency(Plan from, long oldPrice, Plan to, long newPrice) {
        String old = from.currency().toUpperCase(Locale.ROOT);
        String next = to.currency().toUpperCase(Locale.ROOT);
        if (oldPrice > 0 && newPrice > 0 && !old.equals(next)) {
            throw DomainRefusal.conflict(
                    "currency_mismatch",
                    "The " + from.name() + " plan is billed in " + old + " and the " + to.name() + " plan in " + next
                            + ": a change between them cannot be prorated.");
        }
        return newPrice > 0 || oldPrice == 0 ? next : old;
    }

    private static ChronoUnit unit(String interval) {
        if ("month".equalsIgnoreCase(interval)) {
            return ChronoUnit.MONTHS;
        }
        if ("year".equalsIgnoreCase(interval)) {
            return ChronoUnit.YEARS;
        }
        throw new IllegalArgumentException("a plan is billed by month or year, not by " + interval);
    }
}
