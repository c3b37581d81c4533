package io.tenantry.command.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.scim.DeprovisionScimUserCommand;
import io.tenantry.contracts.scim.PatchScimUserCommand;
import io.tenantry.contracts.scim.ProvisionScimUserCommand;
import io.tenantry.contracts.scim.ReplaceScimUserCommand;
import io.tenantry.contracts.scim.ScimUserView;
import io.tenantry.scim.Scim;
import io.tenantry.scim.ScimCallers;
import io.tenantry.scim.ScimUsers;
import io.tenantry.scim.ScimVersions;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * SCIM Users, the writes (RFC 7644 section 3.3, 3.5, 3.6): the tenant's identity provider provisions its members with
 * one of the tenant's API keys; the Tenant aggregate decides ({@code TenantScim}) and each answer is built from the user
 * it answers. {@code If-Match} takes the user's {@code meta.version}.
 */
@RestController
@RequestMapping(
        path = Scim.BASE_PATH + ScimUsers.ENDPOINT,
        produces = {Scim.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
class ScimUserCommandController {

    private final CommandGateway commands;

    ScimUserCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(summary = "Provision a user (SCIM)")
    @PostMapping
    ResponseEntity<JsonNode> create(@RequestBody JsonNode body, Caller caller) {
        String tenantId = ScimCallers.tenantOf(caller);
        ScimUserView user = commands.sendAndWait(new ProvisionScimUserCommand(
                tenantId, UUID.randomUUID().toString(), caller, ScimUsers.attributes(body)));
        ObjectNode answer = ScimUsers.toJson(user, base());
        return ResponseEntity.created(ScimUsers.location(base(), user.scimId()))
                .header(HttpHeaders.ETAG, ScimVersions.etag(user.version()))
                .body(answer);
    }

    @Operation(summary = "Replace a user (SCIM)")
    @PutMapping("/{id}")
    ResponseEntity<JsonNode> replace(
            @PathVariable String id,
            @RequestBody JsonNode body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Caller caller) {
        String tenantId = ScimCallers.tenantOf(caller);
        ScimUserView user = commands.sendAndWait(new ReplaceScimUserCommand(
                tenantId, id, caller, ScimUsers.attributes(body), ScimVersions.ifMatch(ifMatch)));
        return answer(user);
    }

    @Operation(summary = "Change a user by a PATCH request (SCIM)")
    @PatchMapping("/{id}")
    ResponseEntity<JsonNode> patch(
            @PathVariable String id,
            @RequestBody JsonNode body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Caller caller) {
        String tenantId = ScimCallers.tenantOf(caller);
        ScimUsers.checkPatch(body);
        ScimUserView user = commands.sendAndWait(
                new PatchScimUserCommand(tenantId, id, caller, body.toString(), ScimVersions.ifMatch(ifMatch)));
        return answer(user);
    }

    @Operation(summary = "Deprovision a user: remove its member (SCIM)")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Caller caller) {
        String tenantId = ScimCallers.tenantOf(caller);
        commands.sendAndWait(new DeprovisionScimUserCommand(tenantId, id, caller, ScimVersions.ifMatch(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<JsonNode> answer(ScimUserView user) {
        return ResponseEntity.ok()
                .header(HttpHeaders.ETAG, ScimVersions.etag(user.version()))
                .body(ScimUsers.toJson(user, base()));
    }

    /** The service's URL as the caller reached it. */
    static URI base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(Scim.BASE_PATH)
                .build()
                .toUri();
    }
}
