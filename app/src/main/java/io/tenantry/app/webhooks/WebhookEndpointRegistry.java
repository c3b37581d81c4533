package io.tenantry.app.webhooks;

import io.tenantry.contracts.tenant.TenantDeletedEvent;
import io.tenantry.contracts.tenant.TenantRestoredEvent;
import io.tenantry.contracts.webhook.WebhookCommands.CreatePlatformWebhookCommand;
import io.tenantry.contracts.webhook.WebhookCommands.CreateTenantWebhookCommand;
import io.tenantry.contracts.webhook.WebhookCommands.RotatePlatformWebhookSecretCommand;
import io.tenantry.contracts.webhook.WebhookCommands.RotateTenantWebhookSecretCommand;
import io.tenantry.contracts.webhook.WebhookEndpointCreatedEvent;
import io.tenantry.contracts.webhook.WebhookEndpointDeletedEvent;
import io.tenantry.contracts.webhook.WebhookEndpointDisabledEvent;
import io.tenantry.contracts.webhook.WebhookEndpointEnabledEvent;
import io.tenantry.contracts.webhook.WebhookEndpointSecretRotatedEvent;
import io.tenantry.contracts.webhook.WebhookEndpointUpdatedEvent;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The webhook endpoints as the sender needs them ({@code webhook_endpoint}), written by a subscribing processor in
 * the command's own transaction: an endpoint and its sealed secret exist exactly when its event does. The secret is
 * taken from the command being handled (the unit of work's root message), never from an event.
 */
@ProcessingGroup(WebhookEndpointRegistry.PROCESSING_GROUP)
class WebhookEndpointRegistry {

    static final String PROCESSING_GROUP = "webhook-endpoints";

    private final JdbcTemplate jdbc;
    private final WebhookSecretBox secrets;

    WebhookEndpointRegistry(JdbcTemplate jdbc, WebhookSecretBox secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    @EventHandler
    void on(WebhookEndpointCreatedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                """
                insert into webhook_endpoint (endpoint_id, tenant_id, url, event_types, description, enabled, secret,
                                              created_at, updated_at)
                values (?, ?, ?, ?, ?, true, ?, ?, ?)
                on conflict (endpoint_id) do nothing""",
                event.endpointId(),
                event.tenantId(),
                event.url(),
                String.join(" ", event.eventTypes()),
                event.description(),
                secrets.seal(event.endpointId(), secretOfTheCommand()),
                Timestamp.from(at),
                Timestamp.from(at));
    }

    @EventHandler
    void on(WebhookEndpointUpdatedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                "update webhook_endpoint set url = ?, event_types = ?, description = ?, updated_at = ?"
                        + " where endpoint_id = ?",
                event.url(),
                String.join(" ", event.eventTypes()),
                event.description(),
                Timestamp.from(at),
                event.endpointId());
    }

    @EventHandler
    void on(WebhookEndpointSecretRotatedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                """
                update webhook_endpoint
                   set previous_secret = secret, secret = ?, previous_valid_until = ?, updated_at = ?
                 where endpoint_id = ?""",
                secrets.seal(event.endpointId(), secretOfTheCommand()),
                Timestamp.from(event.previousSecretValidUntil()),
                Timestamp.from(at),
                event.endpointId());
    }

    @EventHandler
    void on(WebhookEndpointDisabledEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                "update webhook_endpoint set enabled = false, disabled_reason = ?, updated_at = ? where endpoint_id = ?",
                event.reason().name(),
                Timestamp.from(at),
                event.endpointId());
    }

    @EventHandler
    void on(WebhookEndpointEnabledEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                update webhook_endpoint set enabled = true, disabled_reason = null, failing_since = null, updated_at = ?
                 where endpoint_id = ?""", Timestamp.from(at), event.endpointId());
    }

    @EventHandler
    void on(WebhookEndpointDeletedEvent event) {
        jdbc.update("delete from webhook_endpoint where endpoint_id = ?", event.endpointId());
    }

    @EventHandler
    void on(TenantDeletedEvent event) {
        jdbc.update("update webhook_endpoint set tenant_live = false where tenant_id = ?", event.tenantId());
    }

    @EventHandler
    void on(TenantRestoredEvent event) {
        jdbc.update("update webhook_endpoint set tenant_live = true where tenant_id = ?", event.tenantId());
    }

    /** The new secret, from the command that made the event (handled in this same unit of work). */
    private static String secretOfTheCommand() {
        Object command = CurrentUnitOfWork.get().root().getMessage().getPayload();
        if (command instanceof CreateTenantWebhookCommand create) {
            return create.secret();
        }
        if (command instanceof CreatePlatformWebhookCommand create) {
            return create.secret();
        }
        if (command instanceof RotateTenantWebhookSecretCommand rotate) {
            return rotate.secret();
        }
        if (command instanceof RotatePlatformWebhookSecretCommand rotate) {
            return rotate.secret();
        }
        throw new IllegalStateException("A webhook secret comes with its command, not with "
                + command.getClass().getSimpleName());
    }
}
