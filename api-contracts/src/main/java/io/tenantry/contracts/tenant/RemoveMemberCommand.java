package io.tenantry.contracts.tenant;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Remove a member (OWNER or ADMIN; an OWNER only by an OWNER), or leave (the member itself); never the last OWNER. */
public record RemoveMemberCommand(@TargetAggregateIdentifier String tenantId, Caller caller, String userId) {}
