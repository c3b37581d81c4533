package io.tenantry.contracts.domains;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The caller joins the tenant by its verified e-mail address at one of the tenant's verified domains: at once (policy
 * AUTO), or by a request ({@code requestId}, made by the caller's side) for an OWNER or ADMIN to decide (SUGGEST).
 * Answers a {@link JoinOutcome}.
 */
public record JoinTenantCommand(@TargetAggregateIdentifier String tenantId, Caller caller, String requestId) {}
