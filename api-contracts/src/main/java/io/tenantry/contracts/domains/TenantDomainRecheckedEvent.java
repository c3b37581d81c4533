package io.tenantry.contracts.domains;

import org.axonframework.serialization.Revision;

/**
 * A periodic re-verification of a verified domain failed ({@code passed} false; {@code failures} in a row so far,
 * {@code detail} what was looked up and found), or passed again after failing ({@code passed} true, {@code failures}
 * 0). A check that passes as the one before did is not recorded.
 */
@Revision("1")
public record TenantDomainRecheckedEvent(
        String tenantId, String domain, VerificationMethod method, boolean passed, int failures, String detail) {}
