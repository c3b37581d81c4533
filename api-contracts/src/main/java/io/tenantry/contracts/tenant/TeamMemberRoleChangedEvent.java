package io.tenantry.contracts.tenant;

import org.axonframework.serialization.Revision;

/** A team member's role changed. */
@Revision("1")
public record TeamMemberRoleChangedEvent(
        String tenantId, String teamId, String userId, TeamRole previousRole, TeamRole role) {}
