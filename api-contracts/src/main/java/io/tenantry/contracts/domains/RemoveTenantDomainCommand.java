package io.tenantry.contracts.domains;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An OWNER or ADMIN (or a partner-admin) takes a domain off the tenant's list; answers the tenant's new version. */
public record RemoveTenantDomainCommand(
        @TargetAggregateIdentifier String tenantId, Caller caller, String domain) {}
