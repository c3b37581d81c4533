package io.tenantry.command.tenant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.tenantry.command.webhook.WebhookEndpoints;
import io.tenantry.command.webhook.WebhookUrlPolicy;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.webhook.WebhookCommands.AuthorizeTenantWebhookCommand;
import io.tenantry.contracts.webhook.WebhookCommands.CreateTenantWebhookCommand;
import io.tenantry.contracts.webhook.WebhookCommands.DeleteTenantWebhookCommand;
import io.tenantry.contracts.webhook.WebhookCommands.DisableFailingTenantWebhookCommand;
import io.tenantry.contracts.webhook.WebhookCommands.RotateTenantWebhookSecretCommand;
import io.tenantry.contracts.webhook.WebhookCommands.SetTenantWebhookEnabledCommand;
import io.tenantry.contracts.webhook.WebhookCommands.UpdateTenantWebhookCommand;
import io.tenantry.contracts.webhook.WebhookEndpointCreatedEvent;
import io.tenantry.contracts.webhook.WebhookEndpointDeletedEvent;
import io.tenantry.contracts.webhook.WebhookEndpointDisabledEvent;
import io.tenantry.contracts.webhook.WebhookEndpointEnabledEvent;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * A tenant's webhook endpoints, as an entity of the Tenant aggregate: an OWNER or ADMIN in person (or a
 * partner-admin) creates, changes, rotates the secret of, disables, enables and deletes them; at most
 * {@value #MAX_ENDPOINTS} per tenant. Tenantry itself disables one whose deliveries kept failing.
 */
class TenantWebhooks {

    static final int MAX_ENDPOINTS = 20;

    private final Roster roster;
    private WebhookEndpoints endpoints;

    TenantWebhooks(Roster roster) {
        this.roster = roster;
    }

    @CommandHandler
    Instant handle(CreateTenantWebhookCommand command, WebhookUrlPolicy urls) {
        requireManager(command.caller());
        apply(endpoints()
                .create(
                        command.endpointId(),
                        command.url(),
                        command.eventTypes(),
                        command.description(),
                        command.secret(),
                        urls,
                        command.caller().userId()));
        return Roster.now();
    }

    @CommandHandler
    void handle(UpdateTenantWebhookCommand command, WebhookUrlPolicy urls) {
        requireManager(command.caller());
        apply(endpoints()
                .update(
                        command.endpointId(),
                        command.url(),
                        command.eventTypes(),
                        command.description(),
                        urls,
                        command.caller().userId()));
    }

    @CommandHandler
    void handle(RotateTenantWebhookSecretCommand command) {
        requireManager(command.caller());
        apply(endpoints()
                .rotate(
                        command.endpointId(),
                        command.secret(),
                        command.previousSecretValidUntil(),
                        command.caller().userId()));
    }

    @CommandHandler
    void handle(SetTenantWebhookEnabledCommand command) {
        requireManager(command.caller());
        Object event = endpoints()
                .setEnabled(
                        command.endpointId(),
                        command.enabled(),
                        command.caller().userId());
        if (event != null) {
            apply(event);
        }
    }

    @CommandHandler
    void handle(DeleteTenantWebhookCommand command) {
        requireManager(command.caller());
        apply(endpoints().delete(command.endpointId(), command.caller().userId()));
    }

    @CommandHandler
    void handle(AuthorizeTenantWebhookCommand command) {
        requireManager(command.caller());
        endpoints().requireExisting(command.endpointId());
    }

    @CommandHandler
    boolean handle(DisableFailingTenantWebhookCommand command) {
        WebhookEndpointDisabledEvent event = endpoints().disableFailing(command.endpointId());
        if (event == null) {
            return false;
        }
        apply(event);
        return true;
    }

    @EventSourcingHandler
    void on(WebhookEndpointCreatedEvent event) {
        endpoints().on(event);
    }

    @EventSourcingHandler
    void on(WebhookEndpointDisabledEvent event) {
        endpoints().on(event);
    }

    @EventSourcingHandler
    void on(WebhookEndpointEnabledEvent event) {
        endpoints().on(event);
    }

    @EventSourcingHandler
    void on(WebhookEndpointDeletedEvent event) {
        endpoints().on(event);
    }

    /** OWNER or ADMIN in person (a key manages no webhooks), or partner-admin, of a live tenant. */
    private void requireManager(Caller caller) {
        if (caller != null && caller.isApiKey()) {
            throw DomainRefusal.forbidden("insufficient_scope", "An API key cannot manage the tenant's webhooks.");
        }
        roster.requireLive();
        roster.requireManager(caller);
    }

    private WebhookEndpoints endpoints() {
        if (endpoints == null) {
            endpoints = new WebhookEndpoints(roster.tenantId(), MAX_ENDPOINTS);
        }
        return endpoints;
    }
}
