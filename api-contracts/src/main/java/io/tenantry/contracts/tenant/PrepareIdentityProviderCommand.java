package io.tenantry.contracts.tenant;

import io.tenantry.contracts.idp.IdentityProviderKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * To a live tenant: what does its identity provider need to set it up (its slug, name, tier and admin, the primary
 * contact)? {@code provider} is the one asked for, or {@code null} for the tenant's own setting. Changes nothing;
 * answers {@code null} when the tenant uses no identity provider.
 */
public record PrepareIdentityProviderCommand(
        @TargetAggregateIdentifier String tenantId, IdentityProviderKind provider) {}
