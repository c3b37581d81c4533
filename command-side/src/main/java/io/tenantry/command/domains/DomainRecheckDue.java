package io.tenantry.command.domains;

/** The deadline of a verified domain's next re-verification. */
record DomainRecheckDue(String tenantId, String domain) {}
