package io.tenantry.contracts.domains;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An OWNER or ADMIN (or a partner-admin) claims an e-mail domain for the tenant; {@code challenge} is the value it must
 * publish to prove the domain is the tenant's (random, made by the caller's side). Answers a {@link TenantDomainView}.
 */
public record AddTenantDomainCommand(
        @TargetAggregateIdentifier String tenantId, Caller caller, String domain, String challenge) {}
