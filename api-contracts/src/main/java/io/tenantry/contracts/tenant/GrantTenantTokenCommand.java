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
 * @param verifiedEmail the subject token's {@code email} when its {@code email_verified} is true, else null: for the
 *     subject's own token, it binds the member the tenant's identity provider provisioned (SCIM) with that address
 *     to the subject, the first time ({@code ScimUserBoundEvent})
 */
public record GrantTenantTokenCommand(
        @TargetAggregateIdentifier String tenantId,
        String subject,
        String actor,
        String reason,
        Instant expiresAt,
        String verifiedEmail) {

    public GrantTenantTokenCommand(String tenantId, String subject, String actor, String reason, Instant expiresAt) {
        this(tenantId, subject, actor, reason, expiresAt, null);
    }

    /** A token for the subject itself. */
    public static GrantTenantTokenCommand forSubject(String tenantId, String subject) {
        return new GrantTenantTokenCommand(tenantId, subject, null, null, null);
    }

    @Override
    public String toString() {
        return "GrantTenantTokenCommand[tenantId=" + tenantId + ", subject=" + subject + ", actor=" + actor
                + ", reason=" + reason + ", expiresAt=" + expiresAt
                + (verifiedEmail == null ? "" : ", verifiedEmail=***")
                + "]";
    }
}
