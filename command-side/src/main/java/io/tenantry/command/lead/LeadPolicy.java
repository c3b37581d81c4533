package io.tenantry.command.lead;

import java.time.Duration;

/** The rules of lead verification ({@code tenantry.leads.*}): how long a code lasts, how many tries it allows. */
public record LeadPolicy(Duration codeTtl, Duration tokenTtl, int maxAttempts) {

    public LeadPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("tenantry.leads.max-attempts must be at least 1");
        }
    }
}
