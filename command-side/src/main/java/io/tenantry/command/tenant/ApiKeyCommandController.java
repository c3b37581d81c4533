package io.tenantry.command.tenant;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.apikey.ApiKeyScopes;
import io.tenantry.contracts.apikey.ApiKeySecrets;
import io.tenantry.contracts.apikey.CreateApiKeyCommand;
import io.tenantry.contracts.apikey.NewApiKey;
import io.tenantry.contracts.apikey.RevokeApiKeyCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A tenant's API keys: an OWNER or ADMIN creates one (its secret is generated here, answered once and never stored,
 * only its hash) and revokes it; the Tenant aggregate decides (see {@link TenantApiKeys}).
 */
@RestController
@RequestMapping("/api/tenants/{tenantId}/api-keys")
class ApiKeyCommandController {

    private final CommandGateway commands;

    ApiKeyCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(summary = "Create an API key of the tenant (OWNER, ADMIN); its secret is answered this once")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<NewApiKey> create(
            @PathVariable String tenantId, @Valid @RequestBody CreateApiKeyRequest request, Caller caller) {
        String keyId = UUID.randomUUID().toString();
        String secret = ApiKeySecrets.generate();
        String shown = ApiKeySecrets.shown(secret);
        Instant createdAt = commands.sendAndWait(new CreateApiKeyCommand(
                tenantId,
                keyId,
                request.name(),
                request.scopes(),
                request.expiresAt(),
                shown,
                ApiKeySecrets.hashHex(secret),
                caller));
        NewApiKey key = new NewApiKey(
                keyId,
                tenantId,
                request.name().strip(),
                shown,
                ApiKeyScopes.known(request.scopes()),
                caller.userId(),
                createdAt,
                request.expiresAt(),
                secret);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri()
                        .path("/{keyId}")
                        .buildAndExpand(keyId)
                        .toUri())
                .header("Cache-Control", "no-store")
                .body(key);
    }

    @Operation(summary = "Revoke an API key of the tenant (OWNER, ADMIN)")
    @DeleteMapping("/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String tenantId, @PathVariable String keyId, Caller caller) {
        commands.sendAndWait(new RevokeApiKeyCommand(tenantId, keyId, caller));
    }

    /** {@code scopes}: see {@code GET /api/api-keys/scopes}; {@code expiresAt}: when it stops by itself (none: never). */
    record CreateApiKeyRequest(
            @NotBlank @Size(max = 100) String name,
            @NotEmpty @Size(max = 20) List<String> scopes,
            Instant expiresAt) {}
}
