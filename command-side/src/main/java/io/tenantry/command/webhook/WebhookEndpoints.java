package io.tenantry.command.webhook;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.webhook.WebhookDisableReason;
import io.tenantry.contracts.webhook.WebhookEndpointCreatedEvent;
import io.tenantry.contracts.webhook.WebhookEndpointDeletedEvent;
import io.tenantry.contracts.webhook.WebhookEndpointDisabledEvent;
import io.tenantry.contracts.webhook.WebhookEndpointEnabledEvent;
import io.tenantry.contracts.webhook.WebhookEndpointSecretRotatedEvent;
import io.tenantry.contracts.webhook.WebhookEndpointUpdatedEvent;
import io.tenantry.contracts.webhook.WebhookEventTypes;
import io.tenantry.contracts.webhook.WebhookSecrets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The webhook endpoints of one owner (a tenant, or the platform for {@code tenantId} null): the decisions the Tenant
 * aggregate and the platform's endpoint aggregate share. Each method checks its input and answers the event to apply
 * (or null when nothing changes); the owner applies it, and feeds every applied event back to {@link #on}.
 */
public final class WebhookEndpoints {

    public static final int MAX_DESCRIPTION = 500;

    private final String tenantId;
    private final int maxEndpoints;
    private final Map<String, Boolean> enabled = new LinkedHashMap<>();

    public WebhookEndpoints(String tenantId, int maxEndpoints) {
        this.tenantId = tenantId;
        this.maxEndpoints = maxEndpoints;
    }

    public WebhookEndpointCreatedEvent create(
            String endpointId,
            String url,
            List<String> eventTypes,
            String description,
            String secret,
            WebhookUrlPolicy urls,
            String by) {
        if (enabled.containsKey(endpointId)) {
            throw DomainRefusal.conflict("webhook_exists", "There is a webhook endpoint " + endpointId + " already.");
        }
        if (enabled.size() >= maxEndpoints) {
            throw DomainRefusal.conflict(
                    "webhook_limit_reached", "At most " + maxEndpoints + " webhook endpoints; delete one first.");
        }
        requireSecret(secret);
        return new WebhookEndpointCreatedEvent(
                tenantId,
                endpointId,
                urls.valid(url),
                WebhookEventTypes.valid(eventTypes),
                description(description),
                by);
    }

    public WebhookEndpointUpdatedEvent update(
            String endpointId,
            String url,
            List<String> eventTypes,
            String description,
            WebhookUrlPolicy urls,
            String by) {
        require(endpointId);
        return new WebhookEndpointUpdatedEvent(
                tenantId,
                endpointId,
                urls.valid(url),
                WebhookEventTypes.valid(eventTypes),
                description(description),
                by);
    }

    public WebhookEndpointSecretRotatedEvent rotate(
            String endpointId, String secret, Instant previousValidUntil, String by) {
        require(endpointId);
        requireSecret(secret);
        return new WebhookEndpointSecretRotatedEvent(tenantId, endpointId, previousValidUntil, by);
    }

    /** Enables or disables by hand; null when it already is so. */
    public Object setEnabled(String endpointId, boolean enable, String by) {
        if (require(endpointId) == enable) {
            return null;
        }
        return enable
                ? new WebhookEndpointEnabledEvent(tenantId, endpointId, by)
                : new WebhookEndpointDisabledEvent(tenantId, endpointId, WebhookDisableReason.MANUAL, by);
    }

    /** Disabled because its deliveries kept failing; null when it is disabled (or gone) already. */
    public WebhookEndpointDisabledEvent disableFailing(String endpointId) {
        Boolean on = enabled.get(endpointId);
        return on == null || !on
                ? null
                : new WebhookEndpointDisabledEvent(tenantId, endpointId, WebhookDisableReason.FAILING, null);
    }

    public WebhookEndpointDeletedEvent delete(String endpointId, String by) {
        require(endpointId);
        return new WebhookEndpointDeletedEvent(tenantId, endpointId, by);
    }

    /** Keeps track of an applied event. */
    public void on(Object event) {
        if (event instanceof WebhookEndpointCreatedEvent created) {
            enabled.put(created.endpointId(), true);
        } else if (event instanceof WebhookEndpointDisabledEvent disabled) {
            enabled.replace(disabled.endpointId(), false);
        } else if (event instanceof WebhookEndpointEnabledEvent on) {
            enabled.replace(on.endpointId(), true);
        } else if (event instanceof WebhookEndpointDeletedEvent deleted) {
            enabled.remove(deleted.endpointId());
        }
    }

    /** 404 {@code webhook_not_found} unless there is such an endpoint. */
    public void requireExisting(String endpointId) {
        require(endpointId);
    }

    private boolean require(String endpointId) {
        Boolean on = endpointId == null ? null : enabled.get(endpointId);
        if (on == null) {
            throw DomainRefusal.notFound("webhook_not_found", "There is no webhook endpoint " + endpointId + ".");
        }
        return on;
    }

    private static void requireSecret(String secret) {
        if (secret == null || !secret.startsWith(WebhookSecrets.PREFIX)) {
            throw new IllegalArgumentException("a webhook secret is whsec_ and base64");
        }
    }

    private static String description(String description) {
        String text = description == null ? null : description.strip();
        if (text != null && text.length() > MAX_DESCRIPTION) {
            throw DomainRefusal.invalid(
                    "invalid_description", "A description has at most " + MAX_DESCRIPTION + " characters.");
        }
        return text == null || text.isEmpty() ? null : text;
    }
}
