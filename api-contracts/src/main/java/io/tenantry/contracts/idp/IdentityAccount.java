package io.tenantry.contracts.idp;

/**
 * What an identity provider holds for a tenant, by the provider's own ids (none of them personal data):
 * {@code realm} is the Keycloak realm (the tenant's own for a siloed tenant, the shared one for a pooled tenant; for
 * Auth0 the connection), {@code organizationId} the organization in it (none for a siloed Keycloak tenant),
 * {@code clientId} the application client made for the tenant, and {@code authId} the id of the tenant's admin user.
 */
public record IdentityAccount(
        IdentityProviderKind provider, String realm, String organizationId, String clientId, String authId) {}
