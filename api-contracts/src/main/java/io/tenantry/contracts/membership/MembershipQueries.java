package io.tenantry.contracts.membership;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tenantry.contracts.PageRequest;

/** The identity checks and the membership lists, as queries on the membership read model. */
public final class MembershipQueries {

    private MembershipQueries() {}

    /** {@code isIdentityInTenant}: answers {@code Boolean}. */
    public record IsIdentityInTenantQuery(String tenantId, String userId) {}

    /** {@code isOwnerOrAdmin}: answers {@code Boolean}. */
    public record IsOwnerOrAdminQuery(String tenantId, String userId) {}

    /** {@code isOwner}: answers {@code Boolean}. */
    public record IsOwnerQuery(String tenantId, String userId) {}

    /** One membership; answers an empty {@code Optional<MemberView>} when the user is no member. */
    public record FindMembershipQuery(String tenantId, String userId) {}

    /** {@code getIdentitiesOfTenant}: answers a {@code MemberPage}. */
    public record ListMembersQuery(
            String tenantId, @JsonUnwrapped PageRequest page) {}

    /** {@code getTenantsOfIdentity}: the user's live tenants with their role; answers a {@code UserTenantPage}. */
    public record TenantsOfIdentityQuery(
            String userId, @JsonUnwrapped PageRequest page) {}

    /** A tenant's teams; answers a {@code TeamPage}. */
    public record ListTeamsQuery(
            String tenantId, @JsonUnwrapped PageRequest page) {}

    /** One team of a tenant; answers an empty {@code Optional<TeamView>} when unknown. */
    public record FindTeamQuery(String tenantId, String teamId) {}

    /** A team's members; answers a {@code TeamMemberPage}. */
    public record ListTeamMembersQuery(
            String tenantId, String teamId, @JsonUnwrapped PageRequest page) {}
}
