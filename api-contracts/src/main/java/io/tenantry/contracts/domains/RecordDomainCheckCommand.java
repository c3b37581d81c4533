package io.tenantry.contracts.domains;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What a check of the domain found, looked up outside the aggregate: whether {@code challenge} (the one the check
 * looked for) was found by {@code method}, and what was looked up and found ({@code detail}). Asked for by an OWNER or
 * ADMIN, a pass verifies the domain; {@code periodic} (its re-verification, no caller), a failure counts toward making
 * it unverified. Answers the {@link TenantDomainView} afterwards.
 */
public record RecordDomainCheckCommand(
        @TargetAggregateIdentifier String tenantId,
        Caller caller,
        String domain,
        String challenge,
        VerificationMethod method,
        boolean passed,
        String detail,
        boolean periodic) {}
