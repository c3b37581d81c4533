package io.tenantry.contracts.entitlement;

/**
 * What an entitlement is: a {@code FEATURE} (on or off), a {@code LIMIT} (a number of things a tenant may have, such
 * as members) or a {@code QUOTA} (a number of uses per period, counted from the usage a tenant reports).
 */
public enum EntitlementKind {
    FEATURE,
    LIMIT,
    QUOTA
}
