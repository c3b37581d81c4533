package io.tenantry.contracts.lead;

import org.axonframework.serialization.Revision;

/** A wrong or expired code was tried; {@code failedAttempts} counts them since the current code was issued. */
@Revision("1")
public record LeadVerificationFailedEvent(String leadId, int failedAttempts) {}
