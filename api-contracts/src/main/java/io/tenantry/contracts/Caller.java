package io.tenantry.contracts;

import io.tenantry.contracts.tenant.MemberRole;
import java.util.Set;

/**
 * Who is asking: the JWT's {@code sub}, its platform {@code roles} and its {@code permissions}, its {@code email}
 * when the token says that address is verified ({@code email_verified: true}; otherwise {@code null}), and, for a
 * Tenantry tenant token issued to a partner admin acting as the user, that admin ({@code act.sub}).
 * Controllers receive it as a parameter; commands whose rules depend on the caller's membership carry it, so the
 * aggregate decides with its own, consistent, membership. The tenant scope always comes from the route.
 *
 * <p>A tenant API key is a caller too, a machine one: its {@code userId} is {@code apikey:<key id>}, its
 * {@code permissions} are the key's scopes, and {@code keyTenantId} names the tenant it belongs to. Within that tenant
 * it acts as an ADMIN ({@link #roleIn}); which endpoints it may call at all, its scopes decide before any of this.
 */
public record Caller(
        String userId,
        Set<String> roles,
        Set<String> permissions,
        String verifiedEmail,
        String impersonatedBy,
        String keyTenantId) {

    public static final String PARTNER_ADMIN = "partner-admin";

    /** The prefix of an API key's caller id. */
    public static final String API_KEY_PREFIX = "apikey:";

    public Caller {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
        verifiedEmail = verifiedEmail == null || verifiedEmail.isBlank() ? null : verifiedEmail.trim();
        impersonatedBy = impersonatedBy == null || impersonatedBy.isBlank() ? null : impersonatedBy;
        keyTenantId = keyTenantId == null || keyTenantId.isBlank() ? null : keyTenantId;
    }

    public Caller(
            String userId, Set<String> roles, Set<String> permissions, String verifiedEmail, String impersonatedBy) {
        this(userId, roles, permissions, verifiedEmail, impersonatedBy, null);
    }

    public Caller(String userId, Set<String> roles, Set<String> permissions, String verifiedEmail) {
        this(userId, roles, permissions, verifiedEmail, null);
    }

    public Caller(String userId, Set<String> roles, Set<String> permissions) {
        this(userId, roles, permissions, null);
    }

    /** A caller with no platform role: an ordinary signed-in user. */
    public static Caller user(String userId) {
        return new Caller(userId, Set.of(), Set.of());
    }

    /** A platform administrator (role {@code partner-admin}). */
    public static Caller partnerAdmin(String userId) {
        return new Caller(userId, Set.of(PARTNER_ADMIN), Set.of());
    }

    /** A tenant API key of {@code tenantId} with these scopes: no platform role, no e-mail, nobody behind it. */
    public static Caller apiKey(String keyId, String tenantId, Set<String> scopes) {
        return new Caller(API_KEY_PREFIX + keyId, Set.of(), scopes, null, null, tenantId);
    }

    /** Whether this is a tenant API key (a machine) rather than a person. */
    public boolean isApiKey() {
        return keyTenantId != null;
    }

    /**
     * The caller's role in {@code tenantId}, given the role its membership there gives {@code memberRole} (null for
     * none): a key of that tenant acts as an ADMIN; a key of another tenant has none; a person has the member's.
     */
    public MemberRole roleIn(String tenantId, MemberRole memberRole) {
        if (keyTenantId != null) {
            return keyTenantId.equals(tenantId) ? MemberRole.ADMIN : null;
        }
        return memberRole;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasPermission(String permission) {
        return permissions.contains(permission);
    }

    public boolean isPartnerAdmin() {
        return hasRole(PARTNER_ADMIN);
    }

    /** The same caller with a verified e-mail address. */
    public Caller withVerifiedEmail(String email) {
        return new Caller(userId, roles, permissions, email, impersonatedBy, keyTenantId);
    }

    /** Whether someone else (a partner admin, {@link #impersonatedBy}) acts as this user. */
    public boolean impersonated() {
        return impersonatedBy != null;
    }

    @Override
    public String toString() {
        return "Caller[userId=" + userId + ", roles=" + roles + ", permissions=" + permissions
                + (verifiedEmail == null ? "" : ", verifiedEmail=***")
                + (impersonatedBy == null ? "" : ", impersonatedBy=" + impersonatedBy)
                + (keyTenantId == null ? "" : ", keyTenantId=" + keyTenantId) + "]";
    }
}
