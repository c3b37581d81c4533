package io.tenantry.contracts;

import java.util.Set;

/**
 * Who is asking: the JWT's {@code sub}, its platform {@code roles} and its {@code permissions}, its {@code email}
 * when the token says that address is verified ({@code email_verified: true}; otherwise {@code null}), and, for a
 * Tenantry tenant token issued to a partner admin acting as the user, that admin ({@code act.sub}).
 * Controllers receive it as a parameter; commands whose rules depend on the caller's membership carry it, so the
 * aggregate decides with its own, consistent, membership. The tenant scope always comes from the route.
 */
public record Caller(
        String userId, Set<String> roles, Set<String> permissions, String verifiedEmail, String impersonatedBy) {

    public static final String PARTNER_ADMIN = "partner-admin";

    public Caller {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
        verifiedEmail = verifiedEmail == null || verifiedEmail.isBlank() ? null : verifiedEmail.trim();
        impersonatedBy = impersonatedBy == null || impersonatedBy.isBlank() ? null : impersonatedBy;
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
        return new Caller(userId, roles, permissions, email, impersonatedBy);
    }

    /** Whether someone else (a partner admin, {@link #impersonatedBy}) acts as this user. */
    public boolean impersonated() {
        return impersonatedBy != null;
    }

    @Override
    public String toString() {
        return "Caller[userId=" + userId + ", roles=" + roles + ", permissions=" + permissions
                + (verifiedEmail == null ? "" : ", verifiedEmail=***")
                + (impersonatedBy == null ? "" : ", impersonatedBy=" + impersonatedBy) + "]";
    }
}
