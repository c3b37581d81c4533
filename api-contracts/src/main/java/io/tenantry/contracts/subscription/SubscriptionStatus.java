package io.tenantry.contracts.subscription;

import java.util.Locale;
import java.util.Optional;

/** A subscription's status, as Stripe names them (Stripe is the source of truth for paid plans). */
public enum SubscriptionStatus {
    TRIALING,
    ACTIVE,
    PAST_DUE,
    CANCELED,
    INCOMPLETE,
    INCOMPLETE_EXPIRED,
    UNPAID,
    PAUSED;

    /** The status Stripe calls {@code status} ({@code past_due}, ...); empty for one this version does not know. */
    public static Optional<SubscriptionStatus> fromStripe(String status) {
        if (status == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(status.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
