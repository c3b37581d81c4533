package io.tenantry.contracts.audit;

import java.time.Instant;
import java.util.List;

/** Every time a partner admin was given a token to act as one of the tenant's members, oldest first. */
public record TenantImpersonationsQuery(String tenantId) {

    /** The answer: the grants, read from the tenant's events. */
    public record Impersonations(List<Impersonation> items) {

        public Impersonations {
            items = List.copyOf(items);
        }
    }

    /** One grant: who acted as whom, why, when, and until when its token lived. */
    public record Impersonation(
            String actorId, String subjectId, String reason, Instant grantedAt, Instant expiresAt) {}
}
