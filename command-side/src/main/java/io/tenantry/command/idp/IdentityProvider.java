package io.tenantry.command.idp;

import io.tenantry.contracts.idp.IdentityAccount;
import io.tenantry.contracts.idp.IdentityProviderKind;

/**
 * One identity provider (Keycloak through its Admin REST API, Auth0 through its Management API). Both calls are safe to
 * repeat: what exists already is found and reused (the same realm, organization, client and admin user), what is gone
 * already is not an error, because the process that calls them runs a failed step again.
 */
public interface IdentityProvider {

    IdentityProviderKind kind();

    /**
     * Sets the tenant up: realm or organization, a client, and the admin user (who sets a password through the
     * provider's own e-mail; Tenantry never sees one).
     *
     * @throws IdentityProviderException when the provider cannot be reached or refuses
     */
    IdentityAccount configure(IdpSetup setup);

    /**
     * Removes what {@link #configure} made for the tenant: a siloed tenant's realm, a pooled tenant's organization,
     * client and admin user. Nothing there is not an error. The tenant is deleted by then: of {@code setup} only the
     * tenant id and tier are given.
     *
     * @throws IdentityProviderException when the provider cannot be reached or refuses
     */
    void remove(IdpSetup setup, IdentityAccount account);
}
