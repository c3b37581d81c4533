package io.tenantry.command.webhook;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.webhook.WebhookCommands.CreatePlatformWebhookCommand;
import io.tenantry.contracts.webhook.WebhookCommands.DeletePlatformWebhookCommand;
import io.tenantry.contracts.webhook.WebhookCommands.RotatePlatformWebhookSecretCommand;
import io.tenantry.contracts.webhook.WebhookCommands.SetPlatformWebhookEnabledCommand;
import io.tenantry.contracts.webhook.WebhookCommands.UpdatePlatformWebhookCommand;
import io.tenantry.contracts.webhook.WebhookEventTypes;
import io.tenantry.contracts.webhook.WebhookSecrets;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The platform's webhook endpoints (partner-admin): they receive the matching events of every tenant. */
@RestController
@RequestMapping("/api/webhooks/endpoints")
class PlatformWebhookCommandController {

    /** Every platform endpoint's id starts so: no other aggregate's id (a tenant's, say) is ever loaded as one. */
    static final String ID_PREFIX = "ep_";

    private final CommandGateway commands;

    PlatformWebhookCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(summary = "Create a platform webhook endpoint (partner-admin); its secret is answered this once")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<NewWebhookEndpoint> create(@Valid @RequestBody WebhookEndpointRequest request, Caller caller) {
        String endpointId = ID_PREFIX + UUID.randomUUID().toString().replace("-", "");
        String secret = WebhookSecrets.generate();
        Instant createdAt = commands.sendAndWait(new CreatePlatformWebhookCommand(
                endpointId, request.url(), request.eventTypes(), request.description(), secret, caller));
        return TenantWebhookCommandController.created(new NewWebhookEndpoint(
                endpointId,
                null,
                request.url().strip(),
                WebhookEventTypes.valid(request.eventTypes()),
                TenantWebhookCommandController.blankToNull(request.description()),
                "ENABLED",
                createdAt,
                secret));
    }

    @Operation(summary = "Change a platform webhook endpoint's URL, event types and description (partner-admin)")
    @PutMapping("/{endpointId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void update(@PathVariable String endpointId, @Valid @RequestBody WebhookEndpointRequest request, Caller caller) {
        commands.sendAndWait(new UpdatePlatformWebhookCommand(
                platformEndpoint(endpointId), request.url(), request.eventTypes(), request.description(), caller));
    }

    @Operation(summary = "Give a platform webhook endpoint a new secret; the previous one signs too for 24 hours")
    @PostMapping("/{endpointId}/rotate-secret")
    ResponseEntity<RotatedWebhookSecret> rotate(@PathVariable String endpointId, Caller caller) {
        String secret = WebhookSecrets.generate();
        Instant previousValidUntil = Instant.now().plus(WebhookSecrets.PREVIOUS_SECRET_OVERLAP);
        commands.sendAndWait(new RotatePlatformWebhookSecretCommand(
                platformEndpoint(endpointId), secret, previousValidUntil, caller));
        return TenantWebhookCommandController.noStore(new RotatedWebhookSecret(secret, previousValidUntil));
    }

    @Operation(summary = "Disable a platform webhook endpoint (partner-admin)")
    @PostMapping("/{endpointId}/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disable(@PathVariable String endpointId, Caller caller) {
        commands.sendAndWait(new SetPlatformWebhookEnabledCommand(platformEndpoint(endpointId), false, caller));
    }

    @Operation(summary = "Enable a platform webhook endpoint again (partner-admin)")
    @PostMapping("/{endpointId}/enable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void enable(@PathVariable String endpointId, Caller caller) {
        commands.sendAndWait(new SetPlatformWebhookEnabledCommand(platformEndpoint(endpointId), true, caller));
    }

    @Operation(summary = "Delete a platform webhook endpoint with its deliveries (partner-admin)")
    @DeleteMapping("/{endpointId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String endpointId, Caller caller) {
        commands.sendAndWait(new DeletePlatformWebhookCommand(platformEndpoint(endpointId), caller));
    }

    /** The id, when it can be a platform endpoint's; 404 otherwise (without loading another aggregate's events). */
    private static String platformEndpoint(String endpointId) {
        if (endpointId == null || !endpointId.startsWith(ID_PREFIX)) {
            throw DomainRefusal.notFound("webhook_not_found", "There is no webhook endpoint " + endpointId + ".");
        }
        return endpointId;
    }
}
