package io.tenantry.contracts.tenant;

import java.util.List;

/**
 * What a tenant token says about its subject in the tenant, decided by the tenant on its current membership.
 *
 * @param role  the subject's role in the tenant
 * @param teams the subject's teams and its role in each
 * @param plan  the tenant's plan
 * @param features the features the tenant is entitled to (its plan's and its overrides'), in key order
 */
public record TenantTokenGrant(
        String tenantId,
        String slug,
        TenantTier tier,
        TenantStatus status,
        MemberRole role,
        List<TeamGrant> teams,
        String plan,
        List<String> features) {

    public TenantTokenGrant {
        teams = List.copyOf(teams);
        features = features == null ? List.of() : List.copyOf(features);
    }

    /** One of the subject's teams. */
    public record TeamGrant(String id, TeamRole role) {}
}
