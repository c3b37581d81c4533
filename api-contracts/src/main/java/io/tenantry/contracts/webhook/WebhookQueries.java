package io.tenantry.contracts.webhook;

import java.time.Instant;
import java.util.List;

/**
 * The queries on webhook endpoints and their deliveries; {@code tenantId} null means the platform's endpoints. A
 * secret is never part of an answer (it is shown once, by the command's answer).
 */
public final class WebhookQueries {

    private WebhookQueries() {}

    /** Answers a {@link WebhookEndpointList}. */
    public record ListWebhookEndpointsQuery(String tenantId) {}

    /** Answers a {@link WebhookEndpointView}, or null when the tenant (or the platform) has no such endpoint. */
    public record FindWebhookEndpointQuery(String tenantId, String endpointId) {}

    /**
     * Answers a {@link WebhookDeliveryPage}, newest first, or null when there is no such endpoint; {@code status}
     * null for all, {@code cursor} from the page before (null: the first page).
     */
    public record ListWebhookDeliveriesQuery(
            String tenantId, String endpointId, String status, String cursor, int limit) {}

    public record WebhookEndpointList(List<WebhookEndpointView> items) {}

    public record WebhookEndpointView(
            String id,
            String tenantId,
            String url,
            List<String> eventTypes,
            String description,
            String status,
            String disabledReason,
            Instant createdAt,
            Instant updatedAt,
            Instant previousSecretValidUntil) {}

    public record WebhookDeliveryView(
            String id,
            String eventId,
            String eventType,
            String status,
            int attempts,
            Integer lastResponseCode,
            Long lastLatencyMs,
            String lastError,
            Instant createdAt,
            Instant lastAttemptAt,
            Instant nextAttemptAt) {}

    public record WebhookDeliveryPage(List<WebhookDeliveryView> items, String next) {}
}
