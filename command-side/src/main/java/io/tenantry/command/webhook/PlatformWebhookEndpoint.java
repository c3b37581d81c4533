package io.tenantry.command.webhook;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.webhook.WebhookCommands.CreatePlatformWebhookCommand;
import io.tenantry.contracts.webhook.WebhookCommands.DeletePlatformWebhookCommand;
import io.tenantry.contracts.webhook.WebhookCommands.DisableFailingPlatformWebhookCommand;
import io.tenantry.contracts.webhook.WebhookCommands.RotatePlatformWebhookSecretCommand;
import io.tenantry.contracts.webhook.WebhookCommands.SetPlatformWebhookEnabledCommand;
import io.tenantry.contracts.webhook.WebhookCommands.UpdatePlatformWebhookCommand;
import io.tenantry.contracts.webhook.WebhookEndpointCreatedEvent;
import io.tenantry.contracts.webhook.WebhookEndpointDeletedEvent;
import io.tenantry.contracts.webhook.WebhookEndpointDisabledEvent;
import io.tenantry.contracts.webhook.WebhookEndpointEnabledEvent;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A platform webhook endpoint (it receives the matching events of every tenant): an aggregate of its own, its id the
 * endpoint's, managed by partner-admins only. Its events are the tenants' endpoints' events with no tenant.
 */
@Aggregate
public class PlatformWebhookEndpoint {

    @AggregateIdentifier
    private String endpointId;

    private final WebhookEndpoints endpoints = new WebhookEndpoints(null, 1);

    protected PlatformWebhookEndpoint() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public Instant handle(CreatePlatformWebhookCommand command, WebhookUrlPolicy urls) {
        requirePartnerAdmin(command.caller());
        apply(endpoints.create(
                command.endpointId(),
                command.url(),
                command.eventTypes(),
                command.description(),
                command.secret(),
                urls,
                command.caller().userId()));
        return GenericEventMessage.clock.instant();
    }

    @CommandHandler
    public void handle(UpdatePlatformWebhookCommand command, WebhookUrlPolicy urls) {
        requirePartnerAdmin(command.caller());
        apply(endpoints.update(
                endpointId,
                command.url(),
                command.eventTypes(),
                command.description(),
                urls,
                command.caller().userId()));
    }

    @CommandHandler
    public void handle(RotatePlatformWebhookSecretCommand command) {
        requirePartnerAdmin(command.caller());
        apply(endpoints.rotate(
                endpointId,
                command.secret(),
                command.previousSecretValidUntil(),
                command.caller().userId()));
    }

    @CommandHandler
    public void handle(SetPlatformWebhookEnabledCommand command) {
        requirePartnerAdmin(command.caller());
        Object event = endpoints.setEnabled(
                endpointId, command.enabled(), command.caller().userId());
        if (event != null) {
            apply(event);
        }
    }

    @CommandHandler
    public void handle(DeletePlatformWebhookCommand command) {
        requirePartnerAdmin(command.caller());
        apply(endpoints.delete(endpointId, command.caller().userId()));
    }

    @CommandHandler
    public boolean handle(DisableFailingPlatformWebhookCommand command) {
        WebhookEndpointDisabledEvent event = endpoints.disableFailing(endpointId);
        if (event == null) {
            return false;
        }
        apply(event);
        return true;
    }

    @EventSourcingHandler
    void on(WebhookEndpointCreatedEvent event) {
        endpointId = event.endpointId();
        endpoints.on(event);
    }

    @EventSourcingHandler
    void on(WebhookEndpointDisabledEvent event) {
        endpoints.on(event);
    }

    @EventSourcingHandler
    void on(WebhookEndpointEnabledEvent event) {
        endpoints.on(event);
    }

    @EventSourcingHandler
    void on(WebhookEndpointDeletedEvent event) {
        endpoints.on(event);
        AggregateLifecycle.markDeleted();
    }

    private static void requirePartnerAdmin(Caller caller) {
        if (caller == null || caller.isApiKey() || !caller.isPartnerAdmin()) {
            throw DomainRefusal.forbidden("insufficient_role", "Only a partner-admin manages platform webhooks.");
        }
    }
}
