package io.tenantry.app.webhooks;

import io.tenantry.app.mail.MailTransport;
import io.tenantry.app.mail.OutgoingMail;
import io.tenantry.contracts.webhook.WebhookCommands.DisableFailingPlatformWebhookCommand;
import io.tenantry.contracts.webhook.WebhookCommands.DisableFailingTenantWebhookCommand;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Disables the endpoints that failed for {@code disable-after} with no success since (an event, reason FAILING) and
 * says so: to the tenant's primary contact by mail (the one address Tenantry keeps for a tenant: members are known
 * by their identity provider's id, not by address), for a platform endpoint in the log. The command answers whether
 * the endpoint was enabled until then, so that of several senders only one tells.
 */
final class FailingEndpoints {

    private static final Logger log = LoggerFactory.getLogger(FailingEndpoints.class);

    private final WebhookDeliveryStore store;
    private final CommandGateway commands;
    private final MailTransport mail;

    FailingEndpoints(WebhookDeliveryStore store, CommandGateway commands, MailTransport mail) {
        this.store = store;
        this.commands = commands;
        this.mail = mail;
    }

    void disableThoseFailingSince(Instant since) {
        for (WebhookDeliveryStore.Failing endpoint : store.failingSince(since)) {
            try {
                disable(endpoint, since);
            } catch (RuntimeException e) {
                log.warn("Webhook endpoint {} could not be disabled: {}", endpoint.endpointId(), e.toString());
            }
        }
    }

    private void disable(WebhookDeliveryStore.Failing endpoint, Instant since) {
        if (endpoint.tenantId() == null) {
            Boolean disabled = commands.sendAndWait(new DisableFailingPlatformWebhookCommand(endpoint.endpointId()));
            if (Boolean.TRUE.equals(disabled)) {
                log.warn(
                        "Platform webhook endpoint {} disabled: its deliveries failed since before {}",
                        endpoint.endpointId(),
                        since);
            }
            return;
        }
        Boolean disabled = commands.sendAndWait(
                new DisableFailingTenantWebhookCommand(endpoint.tenantId(), endpoint.endpointId()));
        if (!Boolean.TRUE.equals(disabled)) {
            return;
        }
        log.info("Webhook endpoint {} of tenant {} disabled: failing", endpoint.endpointId(), endpoint.tenantId());
        for (WebhookDeliveryStore.Contact contact : store.primaryContact(endpoint.tenantId())) {
            mail.send(new OutgoingMail(
                    contact.email(),
                    "Webhook endpoint disabled for " + contact.tenantName(),
                    """
                    Hello,

                    the webhook endpoint %s of %s
                    (%s)
                    failed every delivery since before %s and has been disabled. Nothing is sent to it until it is
                    enabled again (POST /api/tenants/%s/webhooks/%s/enable); the deliveries held back meanwhile are
                    sent then. Its delivery log (GET .../webhooks/%s/deliveries) shows what the endpoint answered.
                    """.formatted(
                                    endpoint.endpointId(),
                                    contact.tenantName(),
                                    endpoint.url(),
                                    since,
                                    endpoint.tenantId(),
                                    endpoint.endpointId(),
                                    endpoint.endpointId()),
                    "webhook-" + endpoint.endpointId()));
        }
    }
}
