package io.tenantry.contracts.scim;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes a SCIM user by a SCIM PATCH request ({@code patch}: its JSON), applied to the user as the tenant has it. Answers a {@link ScimUserView}. */
public record PatchScimUserCommand(
        @TargetAggregateIdentifier String tenantId, String scimId, Caller caller, String patch, Long expectedVersion) {

    @Override
    public String toString() {
        // the patch may hold personal data (an address, a name)
        return "PatchScimUserCommand[tenantId=" + tenantId + ", scimId=" + scimId + ", caller=" + caller
                + ", expectedVersion=" + expectedVersion + ", patch=***]";
    }
}
