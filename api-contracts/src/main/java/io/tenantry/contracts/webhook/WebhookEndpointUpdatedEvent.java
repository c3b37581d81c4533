package io.tenantry.contracts.webhook;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A webhook endpoint's address, event types or description changed. */
@Revision("1")
public record WebhookEndpointUpdatedEvent(
        String tenantId,
        String endpointId,
        String url,
        List<String> eventTypes,
        String description,
        String updatedBy) {}
