package io.tenantry.query.membership;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.PageRequest;
import io.tenantry.contracts.membership.MembershipQueries.FindTeamQuery;
import io.tenantry.contracts.membership.MembershipQueries.ListMembersQuery;
import io.tenantry.contracts.membership.MembershipQueries.ListTeamMembersQuery;
import io.tenantry.contracts.membership.MembershipQueries.ListTeamsQuery;
import io.tenantry.contracts.membership.MembershipResults.MemberPage;
import io.tenantry.contracts.membership.MembershipResults.TeamMemberPage;
import io.tenantry.contracts.membership.MembershipResults.TeamPage;
import io.tenantry.contracts.tenant.MemberView;
import io.tenantry.contracts.tenant.TeamView;
import io.tenantry.query.tenant.TenantReadAccess;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Members and teams of a tenant, for its members and partner-admins (others: 404, see {@link TenantReadAccess}). */
@RestController
@RequestMapping("/api/tenants/{tenantId}")
class MembershipQueryController {

    private final QueryGateway queries;
    private final TenantReadAccess access;

    MembershipQueryController(QueryGateway queries, TenantReadAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @Operation(summary = "List a tenant's members")
    @GetMapping("/members")
    MemberPage members(
            @PathVariable String tenantId,
            Caller caller,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        access.require(caller, tenantId);
        return queries.query(new ListMembersQuery(tenantId, new PageRequest(offset, limit)), MemberPage.class)
                .join();
    }

    /**
     * The membership check ({@code isIdentityInTenant}): the membership, or 404 when the user is no member. The hot
     * read of the API: the caller's access and the membership come from the read model in one indexed statement.
     */
    @Operation(summary = "Check a user's membership of a tenant")
    @GetMapping("/members/{userId}")
    MemberView member(@PathVariable String tenantId, @PathVariable String userId, Caller caller) {
        return access.member(caller, tenantId, userId)
                .orElseThrow(() -> DomainRefusal.notFound(
                        "member_not_found", "User " + userId + " is not a member of this tenant."));
    }

    @Operation(summary = "List a tenant's teams")
    @GetMapping("/teams")
    TeamPage teams(
            @PathVariable String tenantId,
            Caller caller,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        access.require(caller, tenantId);
        return queries.query(new ListTeamsQuery(tenantId, new PageRequest(offset, limit)), TeamPage.class)
                .join();
    }

    @Operation(summary = "Read a team")
    @GetMapping("/teams/{teamId}")
    TeamView team(@PathVariable String tenantId, @PathVariable String teamId, Caller caller) {
        access.require(caller, tenantId);
        return findTeam(tenantId, teamId);
    }

    @Operation(summary = "List a team's members")
    @GetMapping("/teams/{teamId}/members")
    TeamMemberPage teamMembers(
            @PathVariable String tenantId,
            @PathVariable String teamId,
            Caller caller,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        access.require(caller, tenantId);
        findTeam(tenantId, teamId);
        return queries.query(
                        new ListTeamMembersQuery(tenantId, teamId, new PageRequest(offset, limit)),
                        TeamMemberPage.class)
                .join();
    }

    private TeamView findTeam(String tenantId, String teamId) {
        return queries.query(new FindTeamQuery(tenantId, teamId), ResponseTypes.optionalInstanceOf(TeamView.class))
                .join()
                .orElseThrow(() -> DomainRefusal.notFound("team_not_found", "This tenant has no team " + teamId + "."));
    }
}
