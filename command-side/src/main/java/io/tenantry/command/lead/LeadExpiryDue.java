package io.tenantry.command.lead;

import java.time.Instant;

/** The payload of a lead's expiry deadline: which code's expiry it was set for (a resend supersedes it). */
record LeadExpiryDue(Instant codeExpiresAt) {}
