package io.tenantry.command.webhook;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.webhook.WebhookCommands.CreateTenantWebhookCommand;
import io.tenantry.contracts.webhook.WebhookCommands.DeleteTenantWebhookCommand;
import io.tenantry.contracts.webhook.WebhookCommands.RotateTenantWebhookSecretCommand;
import io.tenantry.contracts.webhook.WebhookCommands.SetTenantWebhookEnabledCommand;
import io.tenantry.contracts.webhook.WebhookCommands.UpdateTenantWebhookCommand;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A tenant's webhook endpoints (OWNER, ADMIN in person, or partner-admin): the signing secret is generated here,
 * answered on creation and rotation only, and travels in its command to the sealed store, never into an event; the
 * Tenant aggregate decides ({@code TenantWebhooks}).
 */
@RestController
@RequestMapping("/api/tenants/{tenantId}/webhooks")
class TenantWebhookCommandController {

    private final CommandGateway commands;

    TenantWebhookCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(summary = "Create a webhook endpoint of the tenant (OWNER, ADMIN); its secret is answered this once")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<NewWebhookEndpoint> create(
            @PathVariable String tenantId, @Valid @RequestBody WebhookEndpointRequest request, Caller caller) {
        String endpointId = "ep_" + UUID.randomUUID().toString().replace("-", "");
        String secret = WebhookSecrets.generate();
        Instant createdAt = commands.sendAndWait(new CreateTenantWebhookCommand(
                tenantId, endpointId, request.url(), request.eventTypes(), request.description(), secret, caller));
        return created(new NewWebhookEndpoint(
                endpointId,
                tenantId,
                request.url().strip(),
                WebhookEventTypes.valid(request.eventTypes()),
                blankToNull(request.description()),
                "ENABLED",
                createdAt,
                secret));
    }

    @Operation(summary = "Change a webhook endpoint's URL, event types and description (OWNER, ADMIN)")
    @PutMapping("/{endpointId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void update(
            @PathVariable String tenantId,
            @PathVariable String endpointId,
            @Valid @RequestBody WebhookEndpointRequest request,
            Caller caller) {
        commands.sendAndWait(new UpdateTenantWebhookCommand(
                tenantId, endpointId, request.url(), request.eventTypes(), request.description(), caller));
    }

    @Operation(summary = "Give a webhook endpoint a new secret; the previous one signs too for 24 hours (OWNER, ADMIN)")
    @PostMapping("/{endpointId}/rotate-secret")
    ResponseEntity<RotatedWebhookSecret> rotate(
            @PathVariable String tenantId, @PathVariable String endpointId, Caller caller) {
        String secret = WebhookSecrets.generate();
        Instant previousValidUntil = Instant.now().plus(WebhookSecrets.PREVIOUS_SECRET_OVERLAP);
        commands.sendAndWait(
                new RotateTenantWebhookSecretCommand(tenantId, endpointId, secret, previousValidUntil, caller));
        return noStore(new RotatedWebhookSecret(secret, previousValidUntil));
    }

    @Operation(summary = "Disable a webhook endpoint: nothing is sent to it until it is enabled (OWNER, ADMIN)")
    @PostMapping("/{endpointId}/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disable(@PathVariable String tenantId, @PathVariable String endpointId, Caller caller) {
        commands.sendAndWait(new SetTenantWebhookEnabledCommand(tenantId, endpointId, false, caller));
    }

    @Operation(summary = "Enable a webhook endpoint again (OWNER, ADMIN)")
    @PostMapping("/{endpointId}/enable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void enable(@PathVariable String tenantId, @PathVariable String endpointId, Caller caller) {
        commands.sendAndWait(new SetTenantWebhookEnabledCommand(tenantId, endpointId, true, caller));
    }

    @Operation(summary = "Delete a webhook endpoint with its deliveries (OWNER, ADMIN)")
    @DeleteMapping("/{endpointId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String tenantId, @PathVariable String endpointId, Caller caller) {
        commands.sendAndWait(new DeleteTenantWebhookCommand(tenantId, endpointId, caller));
    }

    static ResponseEntity<NewWebhookEndpoint> created(NewWebhookEndpoint endpoint) {
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri()
                        .path("/{endpointId}")
                        .buildAndExpand(endpoint.id())
                        .toUri())
                .header("Cache-Control", "no-store")
                .body(endpoint);
    }

    static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(body);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
