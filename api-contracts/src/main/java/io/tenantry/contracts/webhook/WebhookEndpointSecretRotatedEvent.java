package io.tenantry.contracts.webhook;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A webhook endpoint has a new signing secret (kept sealed beside the endpoint, never in an event); deliveries are
 * signed with the previous one too until {@code previousSecretValidUntil}.
 */
@Revision("1")
public record WebhookEndpointSecretRotatedEvent(
        String tenantId, String endpointId, Instant previousSecretValidUntil, String rotatedBy) {}
