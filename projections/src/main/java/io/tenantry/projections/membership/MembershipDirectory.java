package io.tenantry.projections.membership;

import static io.tenantry.projections.SqlTime.instant;
import static io.tenantry.projections.SqlTime.utc;

import io.tenantry.contracts.PageRequest;
import io.tenantry.contracts.dashboard.DashboardQueries.MemberFigures;
import io.tenantry.contracts.dashboard.DashboardQueries.TeamFigures;
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
import io.tenantry.contracts.membership.MembershipResults.TenantAccess;
import io.tenantry.contracts.membership.MembershipResults.UserTenant;
import io.tenantry.contracts.membership.MembershipResults.UserTenantPage;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.MemberView;
import io.tenantry.contracts.tenant.TeamMemberView;
import io.tenantry.contracts.tenant.TeamRole;
import io.tenantry.contracts.tenant.TeamView;
import io.tenantry.contracts.tenant.TenantStatus;
import io.tenantry.projections.ReadModelWrites;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The membership read models: {@code tenant_member}, {@code tenant_team}, {@code tenant_team_member}. Writes are
 * idempotent (inserts ignore a second delivery, changes are guarded by the tenant version they bring). It answers the
 * identity checks and the membership lists itself.
 */
@Repository
public class MembershipDirectory {

    private static final RowMapper<MemberView> MEMBER = (rs, i) -> new MemberView(
            rs.getString("tenant_id"),
            rs.getString("user_id"),
            MemberRole.valueOf(rs.getString("role")),
            instant(rs, "joined_at"),
            instant(rs, "updated_at"),
            rs.getLong("version"),
            rs.getBoolean("suspended"));
    private static final RowMapper<TeamView> TEAM = (rs, i) -> new TeamView(
            rs.getString("tenant_id"),
            rs.getString("team_id"),
            rs.getString("name"),
            rs.getString("description"),
            rs.getInt("member_count"),
            instant(rs, "created_at"),
            instant(rs, "updated_at"),
            rs.getLong("version"));
    private static final RowMapper<TeamMemberView> TEAM_MEMBER = (rs, i) -> new TeamMemberView(
            rs.getString("tenant_id"),
            rs.getString("team_id"),
            rs.getString("user_id"),
            TeamRole.valueOf(rs.getString("role")),
            instant(rs, "joined_at"),
            instant(rs, "updated_at"),
            rs.getLong("version"));
    private static final String TEAM_COLUMNS =
            "t.*, (select count(*) from tenant_team_member tm where tm.team_id = t.team_id)" + " as member_count";

    private final JdbcTemplate jdbc;
    private final ReadModelWrites writes;

    public MembershipDirectory(JdbcTemplate jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    void addMember(String tenantId, String userId, MemberRole role, Instant at, long version) {
        writes.update("""
                insert into tenant_member (tenant_id, user_id, role, joined_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?) on conflict (tenant_id, user_id) do nothing
                """, tenantId, userId, role.name(), utc(at), utc(at), version);
    }

    void changeMemberRole(String tenantId, String userId, MemberRole role, Instant at, long version) {
        writes.update("""
                update tenant_member set role = ?, updated_at = ?, version = ?
                where tenant_id = ? and user_id = ? and version < ?
                """, role.name(), utc(at), version, tenantId, userId, version);
    }

    void suspendMember(String tenantId, String userId, boolean suspended, Instant at, long version) {
        writes.update("""
                update tenant_member set suspended = ?, updated_at = ?, version = ?
                where tenant_id = ? and user_id = ? and version < ?
                """, suspended, utc(at), version, tenantId, userId, version);
    }

    /**
     * The member {@code fromUserId} is {@code toUserId} from now on, in the tenant and its teams; where
     * {@code toUserId} already has a row, it keeps its own and the other goes. Idempotent: a second run finds nothing.
     */
    void rebind(String tenantId, String fromUserId, String toUserId) {
        writes.update("""
                delete from tenant_team_member f where f.tenant_id = ? and f.user_id = ? and exists
                    (select 1 from tenant_team_member t where t.team_id = f.team_id and t.user_id = ?)
                """, tenantId, fromUserId, toUserId);
        writes.update(
                "update tenant_team_member set user_id = ? where tenant_id = ? and user_id = ?",
                toUserId,
                tenantId,
                fromUserId);
        writes.update("""
                delete from tenant_member f where f.tenant_id = ? and f.user_id = ? and exists
                    (select 1 from tenant_member t where t.tenant_id = f.tenant_id and t.user_id = ?)
                """, tenantId, fromUserId, toUserId);
        writes.update(
                "update tenant_member set user_id = ? where tenant_id = ? and user_id = ?",
                toUserId,
                tenantId,
                fromUserId);
    }

    /** Removes a membership and, with it, the user's team memberships in that tenant. */
    void removeMember(String tenantId, String userId) {
        writes.update("delete from tenant_team_member where tenant_id = ? and user_id = ?", tenantId, userId);
        writes.update("delete from tenant_member where tenant_id = ? and user_id = ?", tenantId, userId);
    }

    void addTeam(String tenantId, String teamId, String name, String description, Instant at, long version) {
        writes.update("""
                insert into tenant_team (team_id, tenant_id, name, description, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (team_id) do nothing
                """, teamId, tenantId, name, description, utc(at), utc(at), version);
    }

    void updateTeam(String teamId, String name, String description, Instant at, long version) {
        writes.update("""
                update tenant_team set name = ?, description = ?, updated_at = ?, version = ?
                where team_id = ? and version < ?""", name, description, utc(at), version, teamId, version);
    }

    void removeTeam(String teamId) {
        writes.update("delete from tenant_team where team_id = ?", teamId);
    }

    void addTeamMember(String tenantId, String teamId, String userId, TeamRole role, Instant at, long version) {
        writes.update("""
                insert into tenant_team_member (team_id, user_id, tenant_id, role, joined_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (team_id, user_id) do nothing
                """, teamId, userId, tenantId, role.name(), utc(at), utc(at), version);
    }

    void changeTeamMemberRole(String teamId, String userId, TeamRole role, Instant at, long version) {
        writes.update("""
                update tenant_team_member set role = ?, updated_at = ?, version = ?
                where team_id = ? and user_id = ? and version < ?
                """, role.name(), utc(at), version, teamId, userId, version);
    }

    void removeTeamMember(String teamId, String userId) {
        writes.update("delete from tenant_team_member where team_id = ? and user_id = ?", teamId, userId);
    }

    void deleteAll() {
        writes.update("delete from tenant_team_member");
        writes.update("delete from tenant_team");
        writes.update("delete from tenant_member");
    }

    /** The membership check ({@code isIdentityInTenant}): one primary-key lookup. */
    public Optional<MemberView> member(String tenantId, String userId) {
        return jdbc
                .query("select * from tenant_member where tenant_id = ? and user_id = ?", MEMBER, tenantId, userId)
                .stream()
                .findFirst();
    }

    @QueryHandler
    public Optional<MemberView> member(FindMembershipQuery query) {
        return member(query.tenantId(), query.userId());
    }

    @QueryHandler
    public Boolean isMember(IsIdentityInTenantQuery query) {
        return member(query.tenantId(), query.userId()).isPresent();
    }

    @QueryHandler
    public Boolean isOwnerOrAdmin(IsOwnerOrAdminQuery query) {
        return member(query.tenantId(), query.userId())
                .map(member -> member.role() == MemberRole.OWNER || member.role() == MemberRole.ADMIN)
                .orElse(false);
    }

    @QueryHandler
    public Boolean isOwner(IsOwnerQuery query) {
        return member(query.tenantId(), query.userId())
                .map(member -> member.role() == MemberRole.OWNER)
                .orElse(false);
    }

    /**
     * The tenant's status and the user's role in it (none while the membership is suspended), in one query; empty when
     * the tenant is unknown.
     */
    public Optional<TenantAccess> access(String tenantId, String userId) {
        return jdbc
                .query(
                        """
                select d.id, d.status, m.role from tenant_directory d
                left join tenant_member m on m.tenant_id = d.id and m.user_id = ? and not m.suspended
                where d.id = ?""",
                        (rs, i) -> new TenantAccess(
                                rs.getString("id"),
                                TenantStatus.valueOf(rs.getString("status")),
                                rs.getString("role") == null ? null : MemberRole.valueOf(rs.getString("role"))),
                        userId,
                        tenantId)
                .stream()
                .findFirst();
    }

    /**
     * The membership check and the caller's right to make it, in one indexed statement: the tenant's status, the
     * caller's role in it and the asked-for membership. Empty when the tenant is unknown.
     */
    public Optional<MemberCheck> check(String tenantId, String userId, String callerId) {
        return jdbc
                .query(
                        """
                select d.status, c.role as caller_role, m.tenant_id, m.user_id, m.role, m.joined_at, m.updated_at,
                    m.version, m.suspended
                from tenant_directory d
                left join tenant_member c on c.tenant_id = d.id and c.user_id = ? and not c.suspended
                left join tenant_member m on m.tenant_id = d.id and m.user_id = ?
                where d.id = ?""",
                        (rs, i) -> {
                            String callerRole = rs.getString("caller_role");
                            TenantAccess access = new TenantAccess(
                                    tenantId,
                                    TenantStatus.valueOf(rs.getString("status")),
                                    callerRole == null ? null : MemberRole.valueOf(callerRole));
                            Optional<MemberView> member = rs.getString("user_id") == null
                                    ? Optional.empty()
                                    : Optional.of(MEMBER.mapRow(rs, i));
                            return new MemberCheck(access, member);
                        },
                        callerId,
                        userId,
                        tenantId)
                .stream()
                .findFirst();
    }

    /** The caller's access to a tenant, and the membership asked about (empty: no member). */
    public record MemberCheck(TenantAccess access, Optional<MemberView> member) {}

    /**
     * A page of members and their total, read in one statement: with two reads, members added in between made the
     * total disagree with the items (25 in total, 21 listed on a page of 100).
     */
    @QueryHandler
    public MemberPage members(ListMembersQuery query) {
        PageRequest page = query.page();
        long[] total = {-1};
        List<MemberView> members = jdbc.query(
                """
                select *, count(*) over () as total from tenant_member where tenant_id = ?
                order by case role when 'OWNER' then 0 when 'ADMIN' then 1 else 2 end, joined_at, user_id
                limit ? offset ?""",
                (rs, i) -> {
                    total[0] = rs.getLong("total");
                    return MEMBER.mapRow(rs, i);
                },
                query.tenantId(),
                page.limit(),
                page.offset());
        return new MemberPage(
                members,
                total[0] >= 0
                        ? total[0] // past the last page no row tells the total
                        : count("select count(*) from tenant_member where tenant_id = ?", query.tenantId()),
                page.offset(),
                page.limit());
    }

    @QueryHandler
    public UserTenantPage tenantsOf(TenantsOfIdentityQuery query) {
        PageRequest page = query.page();
        return new UserTenantPage(
                jdbc.query(
                        """
                select d.id, d.name, d.slug, d.status, m.role from tenant_member m
                join tenant_directory d on d.id = m.tenant_id and d.status <> 'DELETED'
                where m.user_id = ? order by d.name, d.id limit ? offset ?""",
                        (rs, i) -> new UserTenant(
                                rs.getString("id"),
                                rs.getString("name"),
                                rs.getString("slug"),
                                TenantStatus.valueOf(rs.getString("status")),
                                MemberRole.valueOf(rs.getString("role"))),
                        query.userId(),
                        page.limit(),
                        page.offset()),
                count("""
                        select count(*) from tenant_member m join tenant_directory d on d.id = m.tenant_id
                        and d.status <> 'DELETED' where m.user_id = ?""", query.userId()),
                page.offset(),
                page.limit());
    }

    @QueryHandler
    public TeamPage teams(ListTeamsQuery query) {
        PageRequest page = query.page();
        return new TeamPage(
                jdbc.query(
                        "select " + TEAM_COLUMNS + " from tenant_team t where t.tenant_id = ?"
                                + " order by lower(t.name), t.team_id limit ? offset ?",
                        TEAM,
                        query.tenantId(),
                        page.limit(),
                        page.offset()),
                count("select count(*) from tenant_team where tenant_id = ?", query.tenantId()),
                page.offset(),
                page.limit());
    }

    @QueryHandler
    public Optional<TeamView> team(FindTeamQuery query) {
        return jdbc
                .query(
                        "select " + TEAM_COLUMNS + " from tenant_team t where t.tenant_id = ? and t.team_id = ?",
                        TEAM,
                        query.tenantId(),
                        query.teamId())
                .stream()
                .findFirst();
    }

    @QueryHandler
    public TeamMemberPage teamMembers(ListTeamMembersQuery query) {
        PageRequest page = query.page();
        return new TeamMemberPage(
                jdbc.query("""
                select * from tenant_team_member where team_id = ?
                order by case role when 'LEAD' then 0 else 1 end, joined_at, user_id limit ? offset ?
                """, TEAM_MEMBER, query.teamId(), page.limit(), page.offset()),
                count("select count(*) from tenant_team_member where team_id = ?", query.teamId()),
                page.offset(),
                page.limit());
    }

    /** Memberships in live tenants and the distinct users holding them. */
    public MemberFigures memberFigures() {
        return jdbc.queryForObject("""
                select count(*) as memberships, count(distinct m.user_id) as users from tenant_member m
                join tenant_directory d on d.id = m.tenant_id and d.status <> 'DELETED'
                """, (rs, i) -> new MemberFigures(rs.getLong("memberships"), rs.getLong("users")));
    }

    /** Teams in live tenants. */
    public TeamFigures teamFigures() {
        return new TeamFigures(count("""
                select count(*) from tenant_team t
                join tenant_directory d on d.id = t.tenant_id and d.status <> 'DELETED'"""));
    }

    private long count(String sql, Object... arguments) {
        Long count = jdbc.queryForObject(sql, Long.class, arguments);
        return count == null ? 0 : count;
    }
}
