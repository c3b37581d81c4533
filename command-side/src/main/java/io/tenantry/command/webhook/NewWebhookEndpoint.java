package io.tenantry.command.webhook;

import java.time.Instant;
import java.util.List;

/** A webhook endpoint just created, with its signing secret: the one answer that shows the secret. */
record NewWebhookEndpoint(
        String id,
        String tenantId,
        String url,
        List<String> eventTypes,
        String description,
        String status,
        Instant createdAt,
        String secret) {}
