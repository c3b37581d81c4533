package io.tenantry.contracts.scim;

import io.tenantry.contracts.Caller;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a team from a SCIM group, with its SCIM users as MEMBERs. Answers a {@link ScimGroupView}. */
public record CreateScimGroupCommand(
        @TargetAggregateIdentifier String tenantId,
        String groupId,
        Caller caller,
        String displayName,
        List<String> memberScimIds) {

    public CreateScimGroupCommand {
        memberScimIds = List.copyOf(memberScimIds);
    }
}
