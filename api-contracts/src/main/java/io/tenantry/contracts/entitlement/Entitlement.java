package io.tenantry.contracts.entitlement;

import java.util.regex.Pattern;

/**
 * One entitlement a plan grants. {@code value}: for a {@code FEATURE} 1 (on) or 0 (off); for a {@code LIMIT} the
 * number allowed; for a {@code QUOTA} the number allowed per {@code period}. {@code period} and {@code enforcement}
 * only for a quota; {@code stripeMeter} (the event name of a Stripe billing meter) only for a quota whose usage Stripe
 * bills.
 */
public record Entitlement(
        String key, EntitlementKind kind, long value, QuotaPeriod period, Enforcement enforcement, String stripeMeter) {

    /** Keys are lower-case words joined by {@code -}, {@code _} or {@code .}: {@code sso}, {@code api-calls}. */
    public static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public Entitlement {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("entitlement key '" + key + "' is not of the form " + KEY.pattern());
        }
        if (kind == null) {
            throw new IllegalArgumentException("entitlement " + key + " needs a kind");
        }
        if (value < 0 || (kind == EntitlementKind.FEATURE && value > 1)) {
            throw new IllegalArgumentException("entitlement " + key + ": value " + value + " is out of range");
        }
        if (kind == EntitlementKind.QUOTA) {
            period = period == null ? QuotaPeriod.MONTH : period;
            enforcement = enforcement == null ? Enforcement.HARD : enforcement;
        } else if (period != null || enforcement != null || stripeMeter != null) {
            throw new IllegalArgumentException(
                    "entitlement " + key + ": only a quota has a period, an enforcement or a Stripe meter");
        }
    }

    public static Entitlement feature(String key, boolean enabled) {
        return new Entitlement(key, EntitlementKind.FEATURE, enabled ? 1 : 0, null, null, null);
    }

    public static Entitlement limit(String key, long value) {
        return new Entitlement(key, EntitlementKind.LIMIT, value, null, null, null);
    }

    public static Entitlement quota(
            String key, long value, QuotaPeriod period, Enforcement enforcement, String stripeMeter) {
        return new Entitlement(key, EntitlementKind.QUOTA, value, period, enforcement, stripeMeter);
    }

    /** For a feature: whether it is on; for a limit or quota: whether it allows anything at all. */
    public boolean enabled() {
        return value > 0;
    }

    /** The same entitlement with another value (an override's). */
    public Entitlement withValue(long newValue) {
        return new Entitlement(key, kind, newValue, period, enforcement, stripeMeter);
    }
}
