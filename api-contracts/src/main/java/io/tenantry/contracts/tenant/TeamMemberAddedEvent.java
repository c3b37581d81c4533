package io.tenantry.contracts.tenant;

import org.axonframework.serialization.Revision;

/** A tenant member joined a team. */
@Revision("1")
public record TeamMemberAddedEvent(String tenantId, String teamId, String userId, TeamRole role) {}
