package io.tenantry.contracts.tenant;

import org.axonframework.serialization.Revision;

/** A team was formed within a tenant. */
@Revision("1")
public record TeamCreatedEvent(String tenantId, String teamId, String name, String description) {}
