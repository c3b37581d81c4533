package io.tenantry.projections.domains;

import static io.tenantry.projections.SqlTime.instant;
import static io.tenantry.projections.SqlTime.utc;

import io.tenantry.contracts.PageRequest;
import io.tenantry.contracts.domains.DomainQueries.JoinRequestPage;
import io.tenantry.contracts.domains.DomainQueries.JoinRequestView;
import io.tenantry.contracts.domains.DomainQueries.JoinableTenant;
import io.tenantry.contracts.domains.DomainQueries.JoinableTenantList;
import io.tenantry.contracts.domains.DomainQueries.JoinableTenantsQuery;
import io.tenantry.contracts.domains.DomainQueries.ListJoinRequestsQuery;
import io.tenantry.contracts.domains.DomainQueries.ListTenantDomainsQuery;
import io.tenantry.contracts.domains.DomainQueries.TenantDomainList;
import io.tenantry.contracts.domains.DomainStatus;
import io.tenantry.contracts.domains.JoinPolicy;
import io.tenantry.contracts.domains.JoinRequestStatus;
import io.tenantry.contracts.domains.TenantDomainView;
import io.tenantry.contracts.domains.VerificationMethod;
import io.tenantry.contracts.privacy.Erasure;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.projections.ReadModelWrites;
import java.time.Instant;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The domains read models: {@code tenant_domain} (each tenant's domains) and {@code tenant_join_request}. Writes are
 * idempotent (inserts ignore a second delivery, changes and removals are guarded by the tenant version they bring). It
 * answers the domain lists, the join requests and the joinable tenants itself.
 */
@Repository
public class DomainDirectory {

    private static final RowMapper<TenantDomainView> DOMAIN = (rs, i) -> new TenantDomainView(
            rs.getString("tenant_id"),
            rs.getString("domain"),
            DomainStatus.valueOf(rs.getString("status")),
            rs.getString("method") == null ? null : VerificationMethod.valueOf(rs.getString("method")),
            instant(rs, "verified_at"),
            JoinPolicy.valueOf(rs.getString("join_policy")),
            MemberRole.valueOf(rs.getString("default_role")),
            TenantDomainView.Challenge.of(rs.getString("domain"), rs.getString("challenge")),
            rs.getInt("failures"),
            instant(rs, "added_at"));
    private static final RowMapper<JoinRequestView> REQUEST = (rs, i) -> new JoinRequestView(
            rs.getString("tenant_id"),
            rs.getString("request_id"),
            rs.getString("user_id"),
            rs.getString("email"),
            rs.getString("domain"),
            MemberRole.valueOf(rs.getString("role")),
            JoinRequestStatus.valueOf(rs.getString("status")),
            instant(rs, "requested_at"));
    private static final RowMapper<JoinableTenant> JOINABLE = (rs, i) -> new JoinableTenant(
            rs.getString("tenant_id"),
            rs.getString("name"),
            rs.getString("slug"),
            rs.getString("domain"),
            JoinPolicy.valueOf(rs.getString("join_policy")),
            MemberRole.valueOf(rs.getString("default_role")),
            rs.getString("pending_request_id"));

    private final JdbcTemplate jdbc;
    private final ReadModelWrites writes;

    public DomainDirectory(JdbcTemplate jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    void addDomain(String tenantId, String domain, String challenge, String addedBy, Instant at, long version) {
        writes.update("""
                insert into tenant_domain (tenant_id, domain, status, challenge, join_policy, default_role, failures,
                    added_by, added_at, version)
                values (?, ?, 'PENDING', ?, 'OFF', 'MEMBER', 0, ?, ?, ?) on conflict (tenant_id, domain) do nothing
                """, tenantId, domain, challenge, addedBy, utc(at), version);
    }

    void verified(String tenantId, String domain, VerificationMethod method, Instant at, long version) {
        writes.update("""
                update tenant_domain set status = 'VERIFIED', method = ?, verified_at = ?, failures = 0,
                    unverified_reason = null, version = ?
                where tenant_id = ? and domain = ? and version < ?
                """, method.name(), utc(at), version, tenantId, domain, version);
    }

    void rechecked(String tenantId, String domain, int failures, long version) {
        writes.update("""
                update tenant_domain set failures = ?, version = ? where tenant_id = ? and domain = ? and version < ?
                """, failures, version, tenantId, domain, version);
    }

    void unverified(String tenantId, String domain, String reason, long version) {
        writes.update("""
                update tenant_domain set status = 'UNVERIFIED', unverified_reason = ?, version = ?
                where tenant_id = ? and domain = ? and version < ?
                """, reason, version, tenantId, domain, version);
    }

    void removeDomain(String tenantId, String domain, long version) {
        writes.update(
                "delete from tenant_domain where tenant_id = ? and domain = ? and version < ?",
                tenantId,
                domain,
                version);
    }

    void joinPolicy(String tenantId, String domain, JoinPolicy policy, MemberRole role, long version) {
        writes.update("""
                update tenant_domain set join_policy = ?, default_role = ?, version = ?
                where tenant_id = ? and domain = ? and version < ?
                """, policy.name(), role.name(), version, tenantId, domain, version);
    }

    void requested(
            String tenantId,
            String requestId,
            String userId,
            String email,
            String fingerprint,
            String domain,
            MemberRole role,
            Instant at,
            long version) {
        writes.update("""
                insert into tenant_join_request (request_id, tenant_id, user_id, email, email_fingerprint, domain, role,
                    status, requested_at, version)
                values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?) on conflict (request_id) do nothing
                """, requestId, tenantId, userId, email, fingerprint, domain, role.name(), utc(at), version);
    }

    void decided(String requestId, JoinRequestStatus decision, String decidedBy, Instant at, long version) {
        writes.update("""
                update tenant_join_request set status = ?, decided_by = ?, decided_at = ?, version = ?
                where request_id = ? and version < ?
                """, decision.name(), decidedBy, utc(at), version, requestId, version);
    }

    /** Replaces an erased person's address with the marker, as replaying their events would. */
    void erase(String fingerprint) {
        writes.update(
                "update tenant_join_request set email = ?, email_fingerprint = null where email_fingerprint = ?",
                Erasure.MARKER,
                fingerprint);
    }

    void deleteAll() {
        writes.update("delete from tenant_join_request");
        writes.update("delete from tenant_domain");
    }

    @QueryHandler
    public TenantDomainList domains(ListTenantDomainsQuery query) {
        return new TenantDomainList(jdbc.query(
                "select * from tenant_domain where tenant_id = ? order by domain", DOMAIN, query.tenantId()));
    }

    @QueryHandler
    public JoinRequestPage joinRequests(ListJoinRequestsQuery query) {
        PageRequest page = query.page();
        Long total = jdbc.queryForObject(
                "select count(*) from tenant_join_request where tenant_id = ? and status = 'PENDING'",
                Long.class,
                query.tenantId());
        return new JoinRequestPage(
                jdbc.query("""
                        select * from tenant_join_request where tenant_id = ? and status = 'PENDING'
                        order by requested_at, request_id limit ? offset ?
                        """, REQUEST, query.tenantId(), page.limit(), page.offset()),
                total == null ? 0 : total,
                page.offset(),
                page.limit());
    }

    /**
     * The live tenants that verified {@code domain} and take members by it, less those the user belongs to; with the
     * user's pending request where there is one.
     */
    @QueryHandler
    public JoinableTenantList joinable(JoinableTenantsQuery query) {
        return new JoinableTenantList(
                query.domain(), jdbc.query("""
                        select d.tenant_id, t.name, t.slug, d.domain, d.join_policy, d.default_role,
                            (select r.request_id from tenant_join_request r
                             where r.tenant_id = d.tenant_id and r.user_id = ? and r.status = 'PENDING'
                             order by r.requested_at limit 1) as pending_request_id
                        from tenant_domain d join tenant_directory t on t.id = d.tenant_id
                        where d.domain = ? and d.status = 'VERIFIED' and d.join_policy <> 'OFF'
                            and t.status <> 'DELETED'
                            and not exists (select 1 from tenant_member m
                                            where m.tenant_id = d.tenant_id and m.user_id = ?)
                        order by t.name, d.tenant_id
                        """, JOINABLE, query.userId(), query.domain(), query.userId()));
    }
}
