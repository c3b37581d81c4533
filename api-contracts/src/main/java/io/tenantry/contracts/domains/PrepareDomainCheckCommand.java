package io.tenantry.contracts.domains;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Before a domain is checked (by an OWNER or ADMIN asking, or, {@code periodic}, by its re-verification with no
 * caller): the tenant says what to look for. Changes nothing; answers a {@link TenantDomainView}.
 */
public record PrepareDomainCheckCommand(
        @TargetAggregateIdentifier String tenantId, Caller caller, String domain, boolean periodic) {}
