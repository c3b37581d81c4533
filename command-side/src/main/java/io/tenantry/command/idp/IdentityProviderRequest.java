package io.tenantry.command.idp;

import io.tenantry.contracts.idp.IdentityProviderKind;

/** A tenant's identity provider and what it needs to set the tenant up. */
public record IdentityProviderRequest(IdentityProviderKind provider, IdpSetup setup) {}
