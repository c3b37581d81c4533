package io.tenantry.query.membership;

import io.tenantry.contracts.membership.MembershipQueries.FindMembershipQuery;
import io.tenantry.contracts.membership.MembershipQueries.FindTeamQuery;
import io.tenantry.contracts.membership.MembershipQueries.IsIdentityInTenantQuery;
import io.tenantry.contracts.membership.MembershipQueries.IsOwnerOrAdminQuery;
import io.tenantry.contracts.membership.MembershipQueries.IsOwnerQuery;
import io.tenantry.contracts.membership.MembershipQueries.ListMembersQuery;
import io.tenantry.contracts.membership.MembershipQueries.ListTeamMembersQuery;
import io.tenantry.contracts.membership.MembershipQueries.ListTeamsQuery;
import io.tenantry.contracts.membership.MembershipQueries.TenantsOfIdentityQuery;
import io.tenantry.contracts.membership.MembershipResults.MemberPage;
import io.tenantry.contracts.membership.MembershipResults.TeamMemberPage;
import io.tenantry.contracts.membership.MembershipResults.TeamPage;
import io.tenantry.contracts.membership.MembershipResults.UserTenantPage;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.MemberView;
import io.tenantry.contracts.tenant.TeamView;
import io.tenantry.projections.membership.MembershipDirectory;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The identity checks and the membership lists, from the membership read model. */
@Component
class MembershipQueryHandler {

    private final MembershipDirectory directory;

    MembershipQueryHandler(MembershipDirectory directory) {
        this.directory = directory;
    }

    @QueryHandler
    Boolean handle(IsIdentityInTenantQuery query) {
        return directory.member(query.tenantId(), query.userId()).isPresent();
    }

    @QueryHandler
    Boolean handle(IsOwnerOrAdminQuery query) {
        return directory.member(query.tenantId(), query.userId())
                        .map(member -> member.role() == MemberRole.OWNER || member.role() == MemberRole.ADMIN)
                        .orElse(false);
    }

    @QueryHandler
    Boolean handle(IsOwnerQuery query) {
        return directory.member(query.tenantId(), query.userId()).map(member -> member.role() == MemberRole.OWNER)
                        .orElse(false);
    }

    @QueryHandler
    Optional<MemberView> handle(FindMembershipQuery query) {
        return directory.member(query.tenantId(), query.userId());
    }

    @QueryHandler
    MemberPage handle(ListMembersQuery query) {
        return directory.members(query.tenantId(), query.offset(), query.limit());
    }

    @QueryHandler
    UserTenantPage handle(TenantsOfIdentityQuery query) {
        return directory.tenantsOf(query.userId(), query.offset(), query.limit());
    }

    @QueryHandler
    TeamPage handle(ListTeamsQuery query) {
        return directory.teams(query.tenantId(), query.offset(), query.limit());
    }

    @QueryHandler
    Optional<TeamView> handle(FindTeamQuery query) {
        return directory.team(query.tenantId(), query.teamId());
    }

    @QueryHandler
    TeamMemberPage handle(ListTeamMembersQuery query) {
        return directory.teamMembers(query.teamId(), query.offset(), query.limit());
    }
}
