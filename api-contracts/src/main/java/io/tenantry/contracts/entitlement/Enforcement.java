package io.tenantry.contracts.entitlement;

/**
 * How a quota is held: {@code HARD} refuses an action that would go over it ({@code 409 quota_exceeded}); {@code SOFT}
 * lets it pass and says when usage reaches 80 % and 100 % of it, once per period.
 */
public enum Enforcement {
    HARD,
    SOFT
}
