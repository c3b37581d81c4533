package io.tenantry.contracts.idp;

import java.util.Locale;
import java.util.Optional;

/** Where a tenant's users sign in: a Keycloak realm or organization, or an Auth0 organization. */
public enum IdentityProviderKind {
    KEYCLOAK,
    AUTH0;

    /** The tenant setting that chooses a tenant's identity provider ({@code KEYCLOAK} or {@code AUTH0}). */
    public static final String SETTING = "identityProvider";

    /** The kind a text names, case-insensitively; empty for anything else. */
    public static Optional<IdentityProviderKind> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
