package io.tenantry.command.tenant;

import java.time.Instant;

/** The deadline of an override: it ends the override of {@code key} set at {@code setAt}, if that one still holds. */
record EntitlementOverrideExpiryDue(String key, Instant setAt) {}
