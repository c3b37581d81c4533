package io.tenantry.contracts.tenant;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks the tenant, on its current membership, what a token for {@code subject} acting in it may say: answered with a
 * {@link TenantTokenGrant}, or refused ({@code not_found}, {@code not_a_member}, {@code tenant_not_active},
 * {@code impersonation_forbidden}). Nothing is recorded for the subject's own token; an impersonation (an
 * {@code actor} acting as the subject, with its {@code reason}) is recorded as a
 * {@link TenantImpersonationGrantedEvent}.
 *
 * @param actor     who acts as the subject (a partner admin), or null for the subject itself
 * @param reason    why the actor acts as the subject (required with an actor)
 * @param expiresAt when the impersonation token ends (recorded with the grant)
 */
public record GrantTenantTokenCommand(
        @TargetAggregateIdentifier String tenantId, String subject, String actor, String reason, Instant expiresAt) {

    /** A token for the subject itself. */
    public static GrantTenantTokenCommand forSubject(String tenantId, String subject) {
        return new GrantTenantTokenCommand(tenantId, subject, null, null, null);
    }
}
