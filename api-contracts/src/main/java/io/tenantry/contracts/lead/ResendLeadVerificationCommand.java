package io.tenantry.contracts.lead;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace the verification code (NEW or VERIFIED leads); the old code stops working. */
public record ResendLeadVerificationCommand(
        @TargetAggregateIdentifier String leadId, String codeHash, Instant codeExpiresAt) {}
