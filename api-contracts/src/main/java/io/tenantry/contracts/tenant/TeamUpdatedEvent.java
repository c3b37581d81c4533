package io.tenantry.contracts.tenant;

import org.axonframework.serialization.Revision;

/** A team's name or description changed; both hold their new values. */
@Revision("1")
public record TeamUpdatedEvent(String tenantId, String teamId, String name, String description) {}
