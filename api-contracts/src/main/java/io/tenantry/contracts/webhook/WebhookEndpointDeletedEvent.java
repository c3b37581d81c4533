package io.tenantry.contracts.webhook;

import org.axonframework.serialization.Revision;

/** A webhook endpoint is gone, with its secret and its deliveries. */
@Revision("1")
public record WebhookEndpointDeletedEvent(String tenantId, String endpointId, String deletedBy) {}
