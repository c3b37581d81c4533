package io.tenantry.contracts.tenant;

import java.util.List;

/**
 * What a tenant token says about its subject in the tenant, decided by the tenant on its current membership.
 *
 * @param role  the subject's role in the tenant
 * @param teams the subject's teams and its role in each
 * @param plan  the tenant's plan
 */
public record TenantTokenGrant(
        String tenantId,
        String slug,
        TenantTier tier,
        TenantStatus status,
        MemberRole role,
        List<TeamGrant> teams,
        String plan) {

    public TenantTokenGrant {
        teams = List.copyOf(teams);
    }

    /** One of the subject's teams. */
    public record TeamGrant(String id, TeamRole role) {}
}
