package io.tenantry.contracts.tenant;

import io.tenantry.contracts.idp.IdentityAccount;
import org.axonframework.serialization.Revision;

/**
 * The tenant's identity provider was set up: what was made there, by the provider's ids (its admin user's is {@code
 * authId}).
 */
@Revision("1")
public record TenantIdentityProviderConfiguredEvent(String tenantId, IdentityAccount account) {}
