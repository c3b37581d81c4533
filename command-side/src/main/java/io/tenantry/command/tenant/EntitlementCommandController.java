package io.tenantry.command.tenant;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.entitlement.EffectiveEntitlement;
import io.tenantry.contracts.entitlement.RemoveEntitlementOverrideCommand;
import io.tenantry.contracts.entitlement.SetEntitlementOverrideCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partner-admin's overrides of a tenant's entitlements: set (grant or revoke a feature, raise or lower a limit or
 * quota, with a reason and an optional end) and remove; the Tenant aggregate decides (see {@link TenantEntitlements}).
 */
@RestController
@RequestMapping("/api/tenants/{tenantId}/entitlements/{key}/override")
class EntitlementCommandController {

    private final CommandGateway commands;

    EntitlementCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(summary = "Override one of a tenant's entitlements (partner-admin)")
    @PutMapping
    EffectiveEntitlement set(
            @PathVariable String tenantId,
            @PathVariable String key,
            @Valid @RequestBody OverrideRequest request,
            Caller caller) {
        return commands.sendAndWait(new SetEntitlementOverrideCommand(
                tenantId, key, request.enabled(), request.value(), request.reason(), request.expiresAt(), caller));
    }

    @Operation(summary = "Remove a tenant's override of an entitlement (partner-admin)")
    @DeleteMapping
    EffectiveEntitlement remove(
            @PathVariable String tenantId,
            @PathVariable String key,
            @RequestParam @NotBlank @Size(max = 500) String reason,
            Caller caller) {
        return commands.sendAndWait(new RemoveEntitlementOverrideCommand(tenantId, key, reason, caller));
    }

    /** {@code enabled} for a feature, {@code value} for a limit or quota; {@code expiresAt}: when it ends by itself. */
    record OverrideRequest(
            Boolean enabled,
            @PositiveOrZero Long value,
            @NotBlank @Size(max = 500) String reason,
            Instant expiresAt) {}
}
