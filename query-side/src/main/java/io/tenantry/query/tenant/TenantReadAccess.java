package io.tenantry.query.tenant;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.membership.MembershipResults.TenantAccess;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.MemberView;
import io.tenantry.contracts.tenant.TenantStatus;
import io.tenantry.projections.membership.MembershipDirectory;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who may read under {@code /api/tenants/{id}}: its members, and partner-admins; from the membership read model, in
 * one indexed query, read straight from the read model (no query bus: this runs before every tenant read). Anyone
 * else gets the same 404 as for an unknown tenant, so other tenants do not leak.
 */
@Component
public class TenantReadAccess {

    private final MembershipDirectory directory;

    TenantReadAccess(MembershipDirectory directory) {
        this.directory = directory;
    }

    /** Passes for a live tenant the caller belongs to (deleted ones too when asked); otherwise 404. */
    public void require(Caller caller, String tenantId, boolean includeDeleted) {
        readable(caller, tenantId, includeDeleted).orElseThrow(() -> notFound(tenantId));
    }

    /** Passes for an OWNER or ADMIN of a live tenant, or a partner-admin; 403 for its other members, else 404. */
    public void requireManager(Caller caller, String tenantId) {
        TenantAccess access = readable(caller, tenantId, false).orElseThrow(() -> notFound(tenantId));
        if (!caller.isPartnerAdmin() && access.role() != MemberRole.OWNER && access.role() != MemberRole.ADMIN) {
            throw DomainRefusal.forbidden(
                    "insufficient_role",
                    "Your role in this tenant (" + access.role() + ") does not allow this; it takes OWNER or ADMIN.");
        }
    }

    /** Passes for an OWNER of a live tenant, or a partner-admin; 403 for its other members, else 404. */
    public void requireOwner(Caller caller, String tenantId) {
        TenantAccess access = readable(caller, tenantId, false).orElseThrow(() -> notFound(tenantId));
        if (!caller.isPartnerAdmin() && access.role() != MemberRole.OWNER) {
            throw DomainRefusal.forbidden(
                    "insufficient_role",
                    "Your role in this tenant (" + access.role() + ") does not allow this; it takes OWNER.");
        }
    }

    /** Whether the caller is an OWNER or ADMIN of this live tenant, or a partner-admin; no exception either way. */
    public boolean isManager(Caller caller, String tenantId) {
        return readable(caller, tenantId, false)
                .filter(access -> caller.isPartnerAdmin()
                        || access.role() == MemberRole.OWNER
                        || access.role() == MemberRole.ADMIN)
                .isPresent();
    }

    /**
     * The membership check: the user's membership of the tenant, empty when the user is no member; 404 as in
     * {@link #require} when the caller may not read the tenant. The caller's access and the membership come from the
     * read model in one indexed statement.
     */
    public Optional<MemberView> member(Caller caller, String tenantId, String userId) {
        return directory
                .check(tenantId, userId, caller.userId())
                .filter(found -> readable(caller, found.access(), false))
                .orElseThrow(() -> notFound(tenantId))
                .member();
    }

    /** Whether this access, read with a check of one's own, lets the caller read the live tenant. */
    public boolean readable(Caller caller, TenantAccess access) {
        return readable(caller, access, false);
    }

    private Optional<TenantAccess> readable(Caller caller, String tenantId, boolean includeDeleted) {
        return directory
                .access(tenantId, caller.userId())
                .map(found -> as(caller, found))
                .filter(found -> readable(caller, found, includeDeleted));
    }

    /**
     * The access as the caller has it: the membership's role for a person, ADMIN for one of the tenant's API keys
     * (whose own id is no member's).
     */
    public static TenantAccess as(Caller caller, TenantAccess access) {
        MemberRole role = caller.roleIn(access.tenantId(), access.role());
        return role == access.role() ? access : new TenantAccess(access.tenantId(), access.status(), role);
    }

    /** Whether this access (the tenant's status, the caller's role in it) lets the caller read the tenant. */
    private static boolean readable(Caller caller, TenantAccess access, boolean includeDeleted) {
        return (includeDeleted || access.status() != TenantStatus.DELETED)
                && (caller.isPartnerAdmin() || caller.roleIn(access.tenantId(), access.role()) != null);
    }

    /** The 404 that answers an unknown tenant and one the caller may not see alike. */
    private static DomainRefusal notFound(String tenantId) {
        return DomainRefusal.notFound("tenant_not_found", "No tenant with id " + tenantId + ".");
    }

    public void require(Caller caller, String tenantId) {
        require(caller, tenantId, false);
    }
}
