package io.tenantry.contracts.domains;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An OWNER or ADMIN (or a partner-admin) approves or denies a pending request to join; answers a {@link JoinOutcome}. */
public record DecideJoinRequestCommand(
        @TargetAggregateIdentifier String tenantId, Caller caller, String requestId, boolean approve) {}
