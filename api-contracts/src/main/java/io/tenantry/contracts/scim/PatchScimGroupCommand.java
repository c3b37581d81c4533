package io.tenantry.contracts.scim;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes a team by a SCIM PATCH request ({@code patch}: its JSON): its name, its SCIM members. Answers a {@link ScimGroupView}. */
public record PatchScimGroupCommand(
        @TargetAggregateIdentifier String tenantId, String groupId, Caller caller, String patch, Long expectedVersion) {

    @Override
    public String toString() {
        // the patch may hold personal data (an address, a name)
        return "PatchScimGroupCommand[tenantId=" + tenantId + ", groupId=" + groupId + ", caller=" + caller
                + ", expectedVersion=" + expectedVersion + ", patch=***]";
    }
}
