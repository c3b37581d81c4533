package io.tenantry.contracts;

import java.util.Set;

/**
 * Who is asking: the JWT's {@code sub}, its platform {@code roles} and its {@code permissions}, and its {@code email}
 * when the token says that address is verified ({@code email_verified: true}; otherwise {@code null}).
 * Controllers receive it as a parameter; commands whose rules depend on the caller's membership carry it, so the
 * aggregate decides with its own, consistent, membership. The tenant scope always comes from the route.
 */
public record Caller(String userId, Set<String> roles, Set<String> permissions, String verifiedEmail) {

    public static final String PARTNER_ADMIN = "partner-admin";

    public Caller {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
        verifiedEmail = verifiedEmail == null || verifiedEmail.isBlank() ? null : verifiedEmail.trim();
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
        return new Caller(userId, roles, permissions, email);
    }

    @Override
    public String toString() {
        return "Caller[userId=" + userId + ", roles=" + roles + ", permissions=" + permissions
                + (verifiedEmail == null ? "" : ", verifiedEmail=***") + "]";
    }
}
