package io.tenantry.command.scim;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.scim.CreateScimGroupCommand;
import io.tenantry.contracts.scim.DeleteScimGroupCommand;
import io.tenantry.contracts.scim.PatchScimGroupCommand;
import io.tenantry.contracts.scim.ReplaceScimGroupCommand;
import io.tenantry.contracts.scim.ScimGroupView;
import io.tenantry.scim.Scim;
import io.tenantry.scim.ScimCallers;
import io.tenantry.scim.ScimGroups;
import io.tenantry.scim.ScimGroups.GroupState;
import io.tenantry.scim.ScimVersions;
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

/**
 * SCIM Groups, the writes: a group is a team of the key's tenant, its members SCIM users (by their SCIM ids). The
 * Tenant aggregate decides; {@code If-Match} takes the group's {@code meta.version}.
 */
@RestController
@RequestMapping(
        path = Scim.BASE_PATH + ScimGroups.ENDPOINT,
        produces = {Scim.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
class ScimGroupCommandController {

    private final CommandGateway commands;

    ScimGroupCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(summary = "Create a group: a team (SCIM)")
    @PostMapping
    ResponseEntity<JsonNode> create(@RequestBody JsonNode body, Caller caller) {
        String tenantId = ScimCallers.tenantOf(caller);
        GroupState state = ScimGroups.state(body);
        ScimGroupView group = commands.sendAndWait(new CreateScimGroupCommand(
                tenantId, UUID.randomUUID().toString(), caller, state.displayName(), state.memberIds()));
        return ResponseEntity.created(ScimGroups.location(ScimUserCommandController.base(), group.groupId()))
                .header(HttpHeaders.ETAG, ScimVersions.etag(group.version()))
                .body(ScimGroups.toJson(group, ScimUserCommandController.base()));
    }

    @Operation(summary = "Replace a group (SCIM)")
    @PutMapping("/{id}")
    ResponseEntity<JsonNode> replace(
            @PathVariable String id,
            @RequestBody JsonNode body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Caller caller) {
        String tenantId = ScimCallers.tenantOf(caller);
        GroupState state = ScimGroups.state(body);
        ScimGroupView group = commands.sendAndWait(new ReplaceScimGroupCommand(
                tenantId, id, caller, state.displayName(), state.memberIds(), ScimVersions.ifMatch(ifMatch)));
        return answer(group);
    }

    @Operation(summary = "Change a group by a PATCH request (SCIM)")
    @PatchMapping("/{id}")
    ResponseEntity<JsonNode> patch(
            @PathVariable String id,
            @RequestBody JsonNode body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Caller caller) {
        String tenantId = ScimCallers.tenantOf(caller);
        ScimGroups.checkPatch(body);
        ScimGroupView group = commands.sendAndWait(
                new PatchScimGroupCommand(tenantId, id, caller, body.toString(), ScimVersions.ifMatch(ifMatch)));
        return answer(group);
    }

    @Operation(summary = "Delete a group: disband its team (SCIM)")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Caller caller) {
        String tenantId = ScimCallers.tenantOf(caller);
        commands.sendAndWait(new DeleteScimGroupCommand(tenantId, id, caller, ScimVersions.ifMatch(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<JsonNode> answer(ScimGroupView group) {
        return ResponseEntity.ok()
                .header(HttpHeaders.ETAG, ScimVersions.etag(group.version()))
                .body(ScimGroups.toJson(group, ScimUserCommandController.base()));
    }
}
