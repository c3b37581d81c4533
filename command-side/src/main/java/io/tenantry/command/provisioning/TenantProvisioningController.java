package io.tenantry.command.provisioning;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.command.idp.IdentityProviderSetup;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.idp.IdentityAccount;
import io.tenantry.contracts.idp.IdentityProviderKind;
import io.tenantry.contracts.tenant.ProvisioningOutcome;
import io.tenantry.contracts.tenant.StartTenantProvisioningCommand;
import io.tenantry.contracts.tenant.TenantView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Arrays;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Provisioning: start or retry it, set up the identity provider, and the orchestrator's webhook. */
@RestController
@RequestMapping("/api")
class TenantProvisioningController {

    private final CommandGateway commands;
    private final IdentityProviderSetup identityProviders;
    private final ProvisioningWebhooks webhooks;

    TenantProvisioningController(
            CommandGateway commands, IdentityProviderSetup identityProviders, ProvisioningWebhooks webhooks) {
        this.commands = commands;
        this.identityProviders = identityProviders;
        this.webhooks = webhooks;
    }

    /**
     * partner-admin: provisions a PENDING_PROVISION tenant, or retries a PROVISION_FAILED one; 202 with the tenant
     * (PROVISIONING). While an attempt runs, asking again changes nothing; an ACTIVE tenant is a 409.
     */
    @Operation(summary = "Start or retry a tenant's provisioning")
    @PostMapping("/tenants/{tenantId}/provision")
    ResponseEntity<TenantView> provision(@PathVariable String tenantId) {
        TenantView tenant = commands.sendAndWait(
                new StartTenantProvisioningCommand(tenantId, UUID.randomUUID().toString()));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .eTag(Long.toString(tenant.version()))
                .body(tenant);
    }

    /** partner-admin: sets the tenant up in Keycloak or Auth0 (idempotent); {@code authId} is its admin user's id. */
    @Operation(summary = "Set up a tenant's identity provider")
    @PostMapping("/tenants/{tenantId}/idp")
    IdpResponse identityProvider(@PathVariable String tenantId, @Valid @RequestBody IdpRequest request) {
        IdentityProviderKind kind = IdentityProviderKind.parse(request.identityProvider())
                .orElseThrow(() -> DomainRefusal.invalid(
                        "unknown_identity_provider",
                        "identityProvider must be one of " + Arrays.toString(IdentityProviderKind.values()) + "."));
        IdentityAccount account = identityProviders.configure(tenantId, kind).orElseThrow();
        return new IdpResponse(
                account.authId(), account.provider(), account.realm(), account.organizationId(), account.clientId());
    }

    /**
     * The orchestrator's answer, signed: 200 with what it did; 401 for a bad, stale or replayed signature,
     * 404 for an unknown tenant, 409 for an answer that contradicts an attempt already ended. Nothing changes on a
     * refusal.
     */
    @Operation(summary = "Provisioning orchestrator callback (signed)")
    @PostMapping("/webhooks/provisioning")
    ProvisioningOutcome callback(
            @RequestBody String payload,
            @RequestHeader(name = "x-signature", required = false) String signature,
            @RequestHeader(name = "x-timestamp", required = false) String timestamp) {
        return webhooks.receive(payload, signature, timestamp);
    }

    record IdpRequest(@NotBlank String identityProvider) {}

    record IdpResponse(
            String authId,
            IdentityProviderKind identityProvider,
            String realm,
            String organizationId,
            String clientId) {}
}
