package io.tenantry.contracts.scim;

import io.tenantry.contracts.Caller;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces a team's name and its SCIM members (PUT); members who joined otherwise stay. Answers a {@link ScimGroupView}. */
public record ReplaceScimGroupCommand(
        @TargetAggregateIdentifier String tenantId,
        String groupId,
        Caller caller,
        String displayName,
        List<String> memberScimIds,
        Long expectedVersion) {

    public ReplaceScimGroupCommand {
        memberScimIds = List.copyOf(memberScimIds);
    }
}
