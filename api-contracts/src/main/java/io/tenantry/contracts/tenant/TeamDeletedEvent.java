package io.tenantry.contracts.tenant;

import org.axonframework.serialization.Revision;

/** A team was disbanded, and with it every membership of it. */
@Revision("1")
public record TeamDeletedEvent(String tenantId, String teamId) {}
