package io.tenantry.command.tenant;

import io.tenantry.contracts.tenant.CreateTenantCommand;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.UUID;

/** Tenant writes. The caller and correlation id reach the events as metadata, not through this class. */
@RestController
@RequestMapping("/api/tenants")
class TenantCommandController {

    private final CommandGateway commands;

    TenantCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<CreatedTenant> create(@Valid @RequestBody CreateTenantRequest request) {
        String tenantId = UUID.randomUUID().toString();
        commands.sendAndWait(new CreateTenantCommand(tenantId, request.name(), request.slug(), request.tier(),
                request.tenantContacts()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(tenantId).toUri();
        // a new aggregate's first event has sequence number 0: that is its version
        return ResponseEntity.created(location).eTag("0").body(new CreatedTenant(tenantId));
    }

    record CreatedTenant(String id) {
    }
}
