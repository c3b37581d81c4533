package io.tenantry.projections.invitation;

import static io.tenantry.projections.SqlTime.instant;
import static io.tenantry.projections.SqlTime.utc;

import io.tenantry.contracts.PageRequest;
import io.tenantry.contracts.invitation.InvitationQueries.FindInvitationQuery;
import io.tenantry.contracts.invitation.InvitationQueries.InvitationPage;
import io.tenantry.contracts.invitation.InvitationQueries.ListTenantInvitationsQuery;
import io.tenantry.contracts.invitation.InvitationStatus;
import io.tenantry.contracts.invitation.InvitationView;
import io.tenantry.contracts.privacy.Erasure;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.projections.ReadModelWrites;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The invitations read model ({@code invitation_directory}), with each tenant's name from {@code tenant_directory};
 * every change is guarded by the invitation version it brings. It answers the invitation queries itself.
 */
@Repository
public class InvitationDirectory {

    private static final String SELECT = """
            select i.*, t.name as tenant_name from invitation_directory i
            left join tenant_directory t on t.id = i.tenant_id""";
    private static final RowMapper<InvitationView> ROW = (rs, i) -> new InvitationView(
            rs.getString("id"),
            rs.getString("tenant_id"),
            rs.getString("tenant_name"),
            rs.getString("email"),
            MemberRole.valueOf(rs.getString("role")),
            rs.getString("invited_by"),
            InvitationStatus.valueOf(rs.getString("status")),
            instant(rs, "expires_at"),
            instant(rs, "created_at"));

    private final JdbcTemplate jdbc;
    private final ReadModelWrites writes;

    public InvitationDirectory(JdbcTemplate jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    void insert(
            String id,
            String tenantId,
            String email,
            String fingerprint,
            MemberRole role,
            String invitedBy,
            Instant expiresAt,
            Instant at,
            long version) {
        writes.update("""
                insert into invitation_directory (id, tenant_id, email, email_fingerprint, role, invited_by, status,
                    expires_at, created_at, version)
                values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?) on conflict (id) do nothing
                """, id, tenantId, email, fingerprint, role.name(), invitedBy, utc(expiresAt), utc(at), version);
    }

    /** Closes the invitation with its final status, if this event is newer than what the row shows. */
    void close(String id, InvitationStatus status, String acceptedBy, Instant at, long version) {
        writes.update("""
                update invitation_directory set status = ?, accepted_by = ?, closed_at = ?, version = ?
                where id = ? and version < ?""", status.name(), acceptedBy, utc(at), version, id, version);
    }

    /** Replaces an erased person's address with the marker, as replaying their events would. */
    void erase(String fingerprint) {
        writes.update(
                "update invitation_directory set email = ?, email_fingerprint = null where email_fingerprint = ?",
                Erasure.MARKER,
                fingerprint);
    }

    void deleteAll() {
        writes.update("delete from invitation_directory");
    }

    @QueryHandler
    public Optional<InvitationView> find(FindInvitationQuery query) {
        return jdbc.query(SELECT + " where i.id = ?", ROW, query.invitationId()).stream()
                .findFirst();
    }

    /** A tenant's invitations still pending and not expired at {@code now}, soonest to expire first. */
    @QueryHandler
    public InvitationPage open(ListTenantInvitationsQuery query) {
        PageRequest page = query.page();
        Long total = jdbc.queryForObject("""
                select count(*) from invitation_directory
                where tenant_id = ? and status = 'PENDING' and expires_at > ?
                """, Long.class, query.tenantId(), utc(query.now()));
        return new InvitationPage(
                jdbc.query(SELECT + """
                 where i.tenant_id = ? and i.status = 'PENDING' and i.expires_at > ?
                order by i.expires_at, i.id limit ? offset ?
                """, ROW, query.tenantId(), utc(query.now()), page.limit(), page.offset()),
                total == null ? 0 : total,
                page.offset(),
                page.limit());
    }
}
