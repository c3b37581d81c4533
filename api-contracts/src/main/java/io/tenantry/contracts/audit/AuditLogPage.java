package io.tenantry.contracts.audit;

import java.util.List;

/** A page of a tenant's audit log, newest first; {@code next} is the cursor of the page after it, or null. */
public record AuditLogPage(List<AuditEntry> items, String next) {}
