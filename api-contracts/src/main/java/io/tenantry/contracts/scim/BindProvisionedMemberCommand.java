package io.tenantry.contracts.scim;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Binds the provisioned member whose e-mail address is the caller's verified one to the caller's subject, once; answers the {@link ScimUserView} bound to the caller (the same again when it already is). */
public record BindProvisionedMemberCommand(
        @TargetAggregateIdentifier String tenantId, Caller caller) {}
