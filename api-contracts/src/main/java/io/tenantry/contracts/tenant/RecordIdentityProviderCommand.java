package io.tenantry.contracts.tenant;

import io.tenantry.contracts.idp.IdentityAccount;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record what the tenant's identity provider holds for it; the same account again changes nothing. */
public record RecordIdentityProviderCommand(
        @TargetAggregateIdentifier String tenantId, IdentityAccount account) {}
