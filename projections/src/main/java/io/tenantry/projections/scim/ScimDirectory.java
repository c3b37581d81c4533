package io.tenantry.projections.scim;

import static io.tenantry.projections.SqlTime.instant;
import static io.tenantry.projections.SqlTime.utc;

import io.tenantry.contracts.privacy.Erasure;
import io.tenantry.contracts.scim.ScimGroupView;
import io.tenantry.contracts.scim.ScimQueries.FindScimGroupQuery;
import io.tenantry.contracts.scim.ScimQueries.FindScimUserQuery;
import io.tenantry.contracts.scim.ScimQueries.ListScimGroupsQuery;
import io.tenantry.contracts.scim.ScimQueries.ListScimUsersQuery;
import io.tenantry.contracts.scim.ScimQueries.ScimGroups;
import io.tenantry.contracts.scim.ScimQueries.ScimUsers;
import io.tenantry.contracts.scim.ScimUserAttributes;
import io.tenantry.contracts.scim.ScimUserView;
import io.tenantry.projections.ReadModelWrites;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The SCIM read model: {@code scim_user} and {@code scim_group}, read with the membership read model beside them (the
 * same processing group, so they agree): whether a user is active is its membership's, a group's name and members are
 * its team's. Writes are idempotent (inserts ignore a second delivery, changes are guarded by the version they bring).
 */
@Repository
public class ScimDirectory {

    private static final String USER_COLUMNS =
            "u.*, coalesce(m.suspended, false) as suspended from scim_user u left join tenant_member m"
                    + " on m.tenant_id = u.tenant_id and m.user_id = u.user_id";

    private static final RowMapper<ScimUserView> USER = (rs, i) -> new ScimUserView(
            rs.getString("tenant_id"),
            rs.getString("scim_id"),
            rs.getString("user_id"),
            new ScimUserAttributes(
                    rs.getString("user_name"),
                    rs.getString("external_id"),
                    rs.getString("display_name"),
                    rs.getString("given_name"),
                    rs.getString("family_name"),
                    !rs.getBoolean("suspended")),
            instant(rs, "created_at"),
            instant(rs, "updated_at"),
            rs.getLong("version"));

    private final JdbcTemplate jdbc;
    private final ReadModelWrites writes;

    public ScimDirectory(JdbcTemplate jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    void provision(ScimUserRow row, Instant at, long version) {
        writes.update(
                """
                insert into scim_user (scim_id, tenant_id, user_id, user_name, user_name_fingerprint, external_id,
                    display_name, given_name, family_name, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (scim_id) do nothing
                """,
                row.scimId(),
                row.tenantId(),
                row.userId(),
                row.userName(),
                row.fingerprint(),
                row.externalId(),
                row.displayName(),
                row.givenName(),
                row.familyName(),
                utc(at),
                utc(at),
                version);
    }

    void update(ScimUserRow row, Instant at, long version) {
        writes.update(
                """
                update scim_user set user_name = ?, user_name_fingerprint = ?, external_id = ?, display_name = ?,
                    given_name = ?, family_name = ?, updated_at = ?, version = ?
                where scim_id = ? and version < ?
                """,
                row.userName(),
                row.fingerprint(),
                row.externalId(),
                row.displayName(),
                row.givenName(),
                row.familyName(),
                utc(at),
                version,
                row.scimId(),
                version);
    }

    /** A change to the member a SCIM user is (suspended, reactivated): the user's version moves. */
    void memberChanged(String tenantId, String userId, Instant at, long version) {
        writes.update(
                "update scim_user set updated_at = ?, version = ? where tenant_id = ? and user_id = ? and version < ?",
                utc(at),
                version,
                tenantId,
                userId,
                version);
    }

    void bind(String scimId, String toUserId, Instant at, long version) {
        writes.update(
                "update scim_user set user_id = ?, updated_at = ?, version = ? where scim_id = ? and version < ?",
                toUserId,
                utc(at),
                version,
                scimId,
                version);
    }

    void memberRemoved(String tenantId, String userId) {
        writes.update("delete from scim_user where tenant_id = ? and user_id = ?", tenantId, userId);
    }

    void groupCreated(String tenantId, String teamId, Instant at, long version) {
        writes.update("""
                insert into scim_group (team_id, tenant_id, created_at, updated_at, version) values (?, ?, ?, ?, ?)
                on conflict (team_id) do nothing""", teamId, tenantId, utc(at), utc(at), version);
    }

    void groupChanged(String teamId, Instant at, long version) {
        writes.update(
                "update scim_group set updated_at = ?, version = ? where team_id = ? and version < ?",
                utc(at),
                version,
                teamId,
                version);
    }

    void groupDeleted(String teamId) {
        writes.update("delete from scim_group where team_id = ?", teamId);
    }

    /** Replaces an erased person's data with the marker, as replaying their events would. */
    void erase(String fingerprint) {
        writes.update("""
                update scim_user set user_name = ?, external_id = ?, display_name = ?, given_name = ?, family_name = ?,
                    user_name_fingerprint = null where user_name_fingerprint = ?""", Erasure.MARKER, Erasure.MARKER, Erasure.MARKER, Erasure.MARKER, Erasure.MARKER, fingerprint);
    }

    void deleteAll() {
        writes.update("delete from scim_user");
        writes.update("delete from scim_group");
    }

    @QueryHandler
    public ScimUsers users(ListScimUsersQuery query) {
        if (query.userName() != null) {
            return new ScimUsers(jdbc.query(
                    "select " + USER_COLUMNS + " where u.tenant_id = ? and lower(u.user_name) = lower(?)"
                            + " order by u.created_at, u.scim_id",
                    USER,
                    query.tenantId(),
                    query.userName().trim()));
        }
        return new ScimUsers(jdbc.query(
                "select " + USER_COLUMNS + " where u.tenant_id = ? order by u.created_at, u.scim_id",
                USER,
                query.tenantId()));
    }

    @QueryHandler
    public Optional<ScimUserView> user(FindScimUserQuery query) {
        return jdbc
                .query(
                        "select " + USER_COLUMNS + " where u.tenant_id = ? and u.scim_id = ?",
                        USER,
                        query.tenantId(),
                        query.scimId())
                .stream()
                .findFirst();
    }

    @QueryHandler
    public ScimGroups groups(ListScimGroupsQuery query) {
        return new ScimGroups(groups(query.tenantId(), null));
    }

    @QueryHandler
    public Optional<ScimGroupView> group(FindScimGroupQuery query) {
        return groups(query.tenantId(), query.groupId()).stream().findFirst();
    }

    /** The tenant's groups (or the one), each with its SCIM members, in two statements. */
    private List<ScimGroupView> groups(String tenantId, String teamId) {
        String only = teamId == null ? "" : " and t.team_id = ?";
        Object[] arguments = teamId == null ? new Object[] {tenantId} : new Object[] {tenantId, teamId};
        Map<String, List<ScimGroupView.Member>> members = new LinkedHashMap<>();
        jdbc.query(
                """
                select tm.team_id, u.scim_id, u.user_name from tenant_team t
                join tenant_team_member tm on tm.team_id = t.team_id
                join scim_user u on u.tenant_id = tm.tenant_id and u.user_id = tm.user_id
                where t.tenant_id = ?""" + only + " order by tm.joined_at, u.scim_id",
                rs -> {
                    members.computeIfAbsent(rs.getString("team_id"), id -> new ArrayList<>())
                            .add(new ScimGroupView.Member(rs.getString("scim_id"), rs.getString("user_name")));
                },
                arguments);
        return jdbc.query(
                """
                select t.tenant_id, t.team_id, t.name, coalesce(g.created_at, t.created_at) as created_at,
                    coalesce(g.updated_at, t.updated_at) as updated_at, coalesce(g.version, t.version) as version
                from tenant_team t left join scim_group g on g.team_id = t.team_id
                where t.tenant_id = ?""" + only + " order by lower(t.name), t.team_id",
                (rs, i) -> new ScimGroupView(
                        rs.getString("tenant_id"),
                        rs.getString("team_id"),
                        rs.getString("name"),
                        members.getOrDefault(rs.getString("team_id"), List.of()),
                        instant(rs, "created_at"),
                        instant(rs, "updated_at"),
                        rs.getLong("version")),
                arguments);
    }

    /** What a SCIM user's row holds besides its times and version. */
    record ScimUserRow(
            String tenantId,
            String scimId,
            String userId,
            String userName,
            String fingerprint,
            String externalId,
            String displayName,
            String givenName,
            String familyName) {}
}
