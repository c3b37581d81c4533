package io.tenantry.contracts;

import java.util.Set;

/**
 * Who is asking: the JWT's {@code sub}, its platform {@code roles} and its {@code permissions}.
 * Controllers receive it as a parameter; the tenant scope always comes from the route, never from a body.
 */
public record Caller(String userId, Set<String> roles, Set<String> permissions) {

    public static final String PARTNER_ADMIN = "partner-admin";

    public Caller {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
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
}
