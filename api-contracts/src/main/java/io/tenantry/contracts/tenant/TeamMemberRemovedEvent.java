package io.tenantry.contracts.tenant;

import org.axonframework.serialization.Revision;

/** A user left a team (or was removed from it, or from the tenant). */
@Revision("1")
public record TeamMemberRemovedEvent(String tenantId, String teamId, String userId) {}
