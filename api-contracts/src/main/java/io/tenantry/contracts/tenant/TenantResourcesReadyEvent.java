package io.tenantry.contracts.tenant;

import org.axonframework.serialization.Revision;

/**
 * The orchestrator reported the tenant's resources built for attempt {@code contextId}; the tenant turns ACTIVE once
 * its identity provider is set up.
 */
@Revision("1")
public record TenantResourcesReadyEvent(String tenantId, String contextId) {}
