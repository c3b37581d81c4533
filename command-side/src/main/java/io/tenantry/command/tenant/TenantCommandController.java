package io.tenantry.command.tenant;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.command.web.IfMatch;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.tenant.CreateTenantCommand;
import io.tenantry.contracts.tenant.DeleteTenantCommand;
import io.tenantry.contracts.tenant.PatchTenantCommand;
import io.tenantry.contracts.tenant.ReactivateTenantCommand;
import io.tenantry.contracts.tenant.ReplaceTenantCommand;
import io.tenantry.contracts.tenant.RestoreTenantCommand;
import io.tenantry.contracts.tenant.SuspendTenantCommand;
import io.tenantry.contracts.tenant.TenantView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Tenant writes. Who may change a tenant (its OWNERs and ADMINs, or partner-admin) is decided by the aggregate with
 * its own membership; restore, suspend and reactivate are for partner-admin (security route table). Every answer
 * carries the tenant's new version as ETag; {@code If-Match} makes a change conditional on it.
 */
@RestController
@RequestMapping("/api/tenants")
class TenantCommandController {

    private final CommandGateway commands;

    TenantCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(summary = "Create a tenant")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CreatedTenant> create(@Valid @RequestBody CreateTenantRequest request, Caller caller) {
        String tenantId = UUID.randomUUID().toString();
        TenantView created = commands.sendAndWait(new CreateTenantCommand(
                tenantId,
                request.name(),
                request.slug(),
                request.tier(),
                TenantRequests.contacts(request.contacts()),
                TenantRequests.address(request.address()),
                request.industry(),
                request.settings(),
                null,
                caller.userId(),
                request.planId()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{id}")
                .buildAndExpand(tenantId)
                .toUri();
        return ResponseEntity.created(location)
                .eTag(Long.toString(created.version()))
                .body(new CreatedTenant(tenantId, created.version()));
    }

    @Operation(summary = "Replace a tenant's fields")
    @PutMapping("/{tenantId}")
    ResponseEntity<TenantView> replace(
            @PathVariable String tenantId,
            @Valid @RequestBody ReplaceTenantRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Caller caller) {
        return answer(commands.sendAndWait(new ReplaceTenantCommand(
                tenantId,
                IfMatch.version(ifMatch),
                caller,
                request.name(),
                request.slug(),
                request.tier(),
                TenantRequests.contacts(request.contacts()),
                TenantRequests.address(request.address()),
                request.industry(),
                request.settings())));
    }

    @Operation(summary = "Change some fields of a tenant")
    @PatchMapping("/{tenantId}")
    ResponseEntity<TenantView> patch(
            @PathVariable String tenantId,
            @Valid @RequestBody PatchTenantRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Caller caller) {
        return answer(commands.sendAndWait(new PatchTenantCommand(
                tenantId,
                IfMatch.version(ifMatch),
                caller,
                request.name(),
                request.slug(),
                request.tier(),
                TenantRequests.contacts(request.contacts()),
                TenantRequests.address(request.address()),
                request.industry(),
                request.settings())));
    }

    @Operation(summary = "Delete a tenant (soft)")
    @DeleteMapping("/{tenantId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(
            @PathVariable String tenantId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Caller caller) {
        TenantView deleted = commands.sendAndWait(new DeleteTenantCommand(tenantId, IfMatch.version(ifMatch), caller));
        return ResponseEntity.noContent().eTag(Long.toString(deleted.version())).build();
    }

    @Operation(summary = "Restore a deleted tenant")
    @PostMapping("/{tenantId}/restore")
    ResponseEntity<TenantView> restore(@PathVariable String tenantId) {
        return answer(commands.sendAndWait(new RestoreTenantCommand(tenantId)));
    }

    @Operation(summary = "Suspend a tenant")
    @PostMapping("/{tenantId}/suspend")
    ResponseEntity<TenantView> suspend(
            @PathVariable String tenantId, @Valid @RequestBody(required = false) SuspendRequest request) {
        return answer(
                commands.sendAndWait(new SuspendTenantCommand(tenantId, request == null ? null : request.reason())));
    }

    @Operation(summary = "Reactivate a suspended tenant")
    @PostMapping("/{tenantId}/reactivate")
    ResponseEntity<TenantView> reactivate(@PathVariable String tenantId) {
        return answer(commands.sendAndWait(new ReactivateTenantCommand(tenantId)));
    }

    private static ResponseEntity<TenantView> answer(TenantView tenant) {
        return ResponseEntity.ok().eTag(Long.toString(tenant.version())).body(tenant);
    }

    record CreatedTenant(String id, long version) {}

    record SuspendRequest(@Size(max = 500) String reason) {}
}
