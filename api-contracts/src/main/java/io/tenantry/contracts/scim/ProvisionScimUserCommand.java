package io.tenantry.contracts.scim;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Provisions a user: a new member (MEMBER) under a placeholder id until a person with its e-mail address signs in; suspended at once when not active. Answers a {@link ScimUserView}. */
public record ProvisionScimUserCommand(
        @TargetAggregateIdentifier String tenantId, String scimId, Caller caller, ScimUserAttributes attributes) {}
