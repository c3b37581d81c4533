package io.tenantry.contracts.webhook;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A webhook endpoint was created: the tenant's ({@code tenantId}), or the platform's ({@code tenantId} null), which
 * receives the matching events of every tenant. Its signing secret is in no event: it is kept sealed beside the
 * endpoint, written in the same transaction.
 */
@Revision("1")
public record WebhookEndpointCreatedEvent(
        String tenantId,
        String endpointId,
        String url,
        List<String> eventTypes,
        String description,
        String createdBy) {}
