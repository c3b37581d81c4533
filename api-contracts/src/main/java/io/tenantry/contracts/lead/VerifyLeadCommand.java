package io.tenantry.contracts.lead;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Try a verification code (by its hash) at {@code now}; answers a {@link VerificationOutcome}, failures included. */
public record VerifyLeadCommand(@TargetAggregateIdentifier String leadId, String codeHash, Instant now) {}
