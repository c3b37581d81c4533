package io.tenantry.app.webhooks;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.webhook.WebhookCommands.AuthorizeTenantWebhookCommand;
import java.time.Instant;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Resends one delivery, or replays an endpoint's events from a position or a time (the command role's, as every
 * write): a tenant's endpoint for its OWNERs and ADMINs (the Tenant aggregate says so by a command that changes
 * nothing), a platform endpoint for partner-admins (the security chain admits no one else there).
 */
@RestController
@Profile("!query")
class WebhookDeliveryController {

    private final CommandGateway commands;
    private final WebhookDeliveries deliveries;

    WebhookDeliveryController(CommandGateway commands, WebhookDeliveries deliveries) {
        this.commands = commands;
        this.deliveries = deliveries;
    }

    @Operation(summary = "Send a delivery again now, with its webhook-id (OWNER, ADMIN)")
    @PostMapping("/api/tenants/{tenantId}/webhooks/{endpointId}/deliveries/{deliveryId}/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void resend(
            @PathVariable String tenantId,
            @PathVariable String endpointId,
            @PathVariable String deliveryId,
            Caller caller) {
        commands.sendAndWait(new AuthorizeTenantWebhookCommand(tenantId, endpointId, caller));
        deliveries.resend(tenantId, endpointId, deliveryId);
    }

    @Operation(summary = "Deliver every matching event from a position or a time on again (OWNER, ADMIN)")
    @PostMapping("/api/tenants/{tenantId}/webhooks/{endpointId}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Integer> replay(
            @PathVariable String tenantId,
            @PathVariable String endpointId,
            @RequestBody ReplayRequest request,
            Caller caller) {
        commands.sendAndWait(new AuthorizeTenantWebhookCommand(tenantId, endpointId, caller));
        return Map.of("queued", deliveries.replay(tenantId, endpointId, request.fromPosition(), request.fromTime()));
    }

    @Operation(summary = "Send a platform endpoint's delivery again now, with its webhook-id (partner-admin)")
    @PostMapping("/api/webhooks/endpoints/{endpointId}/deliveries/{deliveryId}/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void platformResend(@PathVariable String endpointId, @PathVariable String deliveryId) {
        deliveries.resend(null, endpointId, deliveryId);
    }

    @Operation(summary = "Deliver every matching event from a position or a time on again (partner-admin)")
    @PostMapping("/api/webhooks/endpoints/{endpointId}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Integer> platformReplay(@PathVariable String endpointId, @RequestBody ReplayRequest request) {
        return Map.of("queued", deliveries.replay(null, endpointId, request.fromPosition(), request.fromTime()));
    }

    /** Either a global position of the event store (the catch-up feed's {@code position}) or a time. */
    record ReplayRequest(Long fromPosition, Instant fromTime) {}
}
