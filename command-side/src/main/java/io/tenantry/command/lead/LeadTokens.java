package io.tenantry.command.lead;

import java.time.Instant;

/** Issues the short-lived token a verified lead onboards with (accepted on its own onboarding endpoint only). */
public interface LeadTokens {

    IssuedLeadToken issue(String leadId);

    /** A lead token and when it stops being accepted. */
    record IssuedLeadToken(String token, Instant expiresAt) {

        @Override
        public String toString() {
            return "IssuedLeadToken[expiresAt=" + expiresAt + "]";
        }
    }
}
