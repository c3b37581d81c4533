package io.tenantry.contracts.lead;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A new verification code replaced the previous one (resend); only its hash is kept. */
@Revision("1")
public record LeadVerificationCodeIssuedEvent(String leadId, String codeHash, Instant codeExpiresAt) {}
