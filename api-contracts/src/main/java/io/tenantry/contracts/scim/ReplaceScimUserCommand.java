package io.tenantry.contracts.scim;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces a SCIM user's attributes (PUT); {@code active} suspends or reactivates its membership. Answers a {@link ScimUserView}. */
public record ReplaceScimUserCommand(
        @TargetAggregateIdentifier String tenantId,
        String scimId,
        Caller caller,
        ScimUserAttributes attributes,
        Long expectedVersion) {}
