package io.tenantry.contracts.plan;

import io.tenantry.contracts.entitlement.Entitlement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A plan of the catalogue: its price and the entitlements it grants a tenant. Its member and team limits are the
 * entitlements {@code members} and {@code teams} (limits); {@code entitlements} lists them with the others.
 */
public record Plan(
        String id,
        String name,
        BigDecimal price,
        String currency,
        String interval,
        int maxMembers,
        int maxTeams,
        String stripePriceId,
        List<Entitlement> entitlements) {

    public static final String MEMBERS = "members";
    public static final String TEAMS = "teams";

    public Plan {
        Map<String, Entitlement> byKey = new LinkedHashMap<>();
        byKey.put(MEMBERS, Entitlement.limit(MEMBERS, maxMembers));
        byKey.put(TEAMS, Entitlement.limit(TEAMS, maxTeams));
        for (Entitlement entitlement : entitlements == null ? List.<Entitlement>of() : entitlements) {
            Entitlement known = byKey.get(entitlement.key());
            if (known != null && !known.equals(entitlement)) {
                throw new IllegalArgumentException("plan " + id + " grants " + entitlement.key() + " twice"
                        + (known.key().equals(MEMBERS) || known.key().equals(TEAMS)
                                ? " (members and teams are its max-members and max-teams)"
                                : ""));
            }
            byKey.put(entitlement.key(), entitlement);
        }
        entitlements = List.copyOf(new ArrayList<>(byKey.values()));
    }

    /** A plan that grants nothing but its member and team limits. */
    public Plan(
            String id,
            String name,
            BigDecimal price,
            String currency,
            String interval,
            int maxMembers,
            int maxTeams,
            String stripePriceId) {
        this(id, name, price, currency, interval, maxMembers, maxTeams, stripePriceId, List.of());
    }

    /**
     * The price in the currency's minor units (cents for USD, yen for JPY, fils for KWD), exact: a price finer than the
     * currency's fraction digits, a negative one or an unknown currency is refused, never rounded.
     *
     * @throws IllegalArgumentException when the price has no exact amount in minor units
     */
    public long priceInMinorUnits() {
        Currency unit;
        try {
            unit = Currency.getInstance(currency == null ? "" : currency.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("plan " + id + ": " + currency + " is no ISO 4217 currency code");
        }
        int digits = unit.getDefaultFractionDigits();
        BigDecimal amount = price == null ? BigDecimal.ZERO : price;
        if (digits < 0 || amount.signum() < 0) {
            throw new IllegalArgumentException(
                    "plan " + id + ": a price of " + amount + " " + unit + " cannot be billed");
        }
        try {
            return amount.movePointRight(digits).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("plan " + id + ": " + amount + " " + unit + " is finer than its "
                    + digits + " fraction digits allow");
        }
    }

    /** The plan's entitlement of that key, if it has one. */
    public Optional<Entitlement> entitlement(String key) {
        return entitlements.stream().filter(e -> e.key().equals(key)).findFirst();
    }
}
