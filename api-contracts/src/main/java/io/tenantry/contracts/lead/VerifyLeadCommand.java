package io.tenantry.contracts.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Try a verification code (by its hash) at {@code now}; answers a {@link VerificationOutcome}, failures included. */
public record VerifyLeadCommand(@TargetAggregateIdentifier String leadId, String codeHash, Instant now) {
}
