package io.tenantry.contracts.tenant;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A partner admin ({@code actorId}) was given a token to act in the tenant as one of its members ({@code subjectId})
 * until {@code expiresAt}, for the stated {@code reason}. User ids and the reason only: no personal data.
 */
@Revision("1")
public record TenantImpersonationGrantedEvent(
        String tenantId, String actorId, String subjectId, String reason, Instant expiresAt) {}
