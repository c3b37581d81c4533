package io.tenantry.contracts.tenant;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** To the tenant: may this caller act on its billing (an OWNER or partner-admin)? Changes nothing; refuses if not. */
public record AuthorizeBillingCommand(
        @TargetAggregateIdentifier String tenantId, Caller caller) {}
