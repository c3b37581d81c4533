package io.tenantry.contracts.entitlement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The period a quota counts over and resets after: a UTC calendar day or a UTC calendar month. */
public enum QuotaPeriod {
    DAY,
    MONTH;

    /** The first day of the period {@code at} falls in (UTC). */
    public LocalDate start(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return this == DAY ? day : day.withDayOfMonth(1);
    }

    /** The first day of the next period (UTC): the period is [{@link #start}, this). */
    public LocalDate end(Instant at) {
        LocalDate start = start(at);
        return this == DAY ? start.plusDays(1) : start.plusMonths(1);
    }

    /** The instant the period {@code at} falls in began. */
    public Instant startInstant(Instant at) {
        return start(at).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The instant the period {@code at} falls in resets. */
    public Instant endInstant(Instant at) {
        return end(at).atStartOfDay(ZoneOffset.UTC).toInstant().truncatedTo(ChronoUnit.SECONDS);
    }
}
