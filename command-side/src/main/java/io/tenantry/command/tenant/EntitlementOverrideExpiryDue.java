package io.tenantry.command.tenant;

/**
 * The deadline of an override: it ends the override of {@code key} that the tenant's event {@code sequence} set, if
 * that one still holds (one set again since has a deadline of its own).
 */
record EntitlementOverrideExpiryDue(String key, long sequence) {}
