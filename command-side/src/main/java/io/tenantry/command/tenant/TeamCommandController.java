package io.tenantry.command.tenant;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.tenant.AddTeamMemberCommand;
import io.tenantry.contracts.tenant.ChangeTeamMemberRoleCommand;
import io.tenantry.contracts.tenant.CreateTeamCommand;
import io.tenantry.contracts.tenant.DeleteTeamCommand;
import io.tenantry.contracts.tenant.RemoveTeamMemberCommand;
import io.tenantry.contracts.tenant.TeamMemberView;
import io.tenantry.contracts.tenant.TeamRole;
import io.tenantry.contracts.tenant.TeamView;
import io.tenantry.contracts.tenant.UpdateTeamCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Team writes within a tenant; the Tenant aggregate decides who may (OWNER, ADMIN, or the team's LEAD). */
@RestController
@RequestMapping("/api/tenants/{tenantId}/teams")
class TeamCommandController {

    private final CommandGateway commands;

    TeamCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(summary = "Create a team")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<TeamView> create(
            @PathVariable String tenantId, @Valid @RequestBody CreateTeamRequest request, Caller caller) {
        String teamId = UUID.randomUUID().toString();
        TeamView team = commands.sendAndWait(
                new CreateTeamCommand(tenantId, caller, teamId, request.name(), request.description()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri()
                        .path("/{teamId}")
                        .buildAndExpand(teamId)
                        .toUri())
                .eTag(Long.toString(team.version()))
                .body(team);
    }

    @Operation(summary = "Rename or describe a team")
    @PatchMapping("/{teamId}")
    ResponseEntity<TeamView> update(
            @PathVariable String tenantId,
            @PathVariable String teamId,
            @Valid @RequestBody UpdateTeamRequest request,
            Caller caller) {
        TeamView team = commands.sendAndWait(
                new UpdateTeamCommand(tenantId, caller, teamId, request.name(), request.description()));
        return ResponseEntity.ok().eTag(Long.toString(team.version())).body(team);
    }

    @Operation(summary = "Delete a team")
    @DeleteMapping("/{teamId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable String tenantId, @PathVariable String teamId, Caller caller) {
        long version = commands.sendAndWait(new DeleteTeamCommand(tenantId, caller, teamId));
        return ResponseEntity.noContent().eTag(Long.toString(version)).build();
    }

    @Operation(summary = "Add a tenant member to a team")
    @PostMapping("/{teamId}/members")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<TeamMemberView> addMember(
            @PathVariable String tenantId,
            @PathVariable String teamId,
            @Valid @RequestBody AddTeamMemberRequest request,
            Caller caller) {
        TeamMemberView member = commands.sendAndWait(
                new AddTeamMemberCommand(tenantId, caller, teamId, request.userId(), request.role()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri()
                        .path("/{userId}")
                        .buildAndExpand(request.userId())
                        .toUri())
                .eTag(Long.toString(member.version()))
                .body(member);
    }

    @Operation(summary = "Change a team member's role")
    @PatchMapping("/{teamId}/members/{userId}")
    ResponseEntity<TeamMemberView> changeMemberRole(
            @PathVariable String tenantId,
            @PathVariable String teamId,
            @PathVariable String userId,
            @Valid @RequestBody TeamRoleRequest request,
            Caller caller) {
        TeamMemberView member =
                commands.sendAndWait(new ChangeTeamMemberRoleCommand(tenantId, caller, teamId, userId, request.role()));
        return ResponseEntity.ok().eTag(Long.toString(member.version())).body(member);
    }

    @Operation(summary = "Remove a member from a team, or leave it")
    @DeleteMapping("/{teamId}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> removeMember(
            @PathVariable String tenantId, @PathVariable String teamId, @PathVariable String userId, Caller caller) {
        long version = commands.sendAndWait(new RemoveTeamMemberCommand(tenantId, caller, teamId, userId));
        return ResponseEntity.noContent().eTag(Long.toString(version)).build();
    }

    record CreateTeamRequest(
            @NotBlank @Size(max = TenantTeams.NAME_MAX) String name,
            @Size(max = TenantTeams.DESCRIPTION_MAX) String description) {}

    record UpdateTeamRequest(
            @Size(min = 1, max = TenantTeams.NAME_MAX) String name,
            @Size(max = TenantTeams.DESCRIPTION_MAX) String description) {}

    record AddTeamMemberRequest(
            @NotBlank @Size(max = 255) String userId,
            @NotNull TeamRole role) {}

    record TeamRoleRequest(@NotNull TeamRole role) {}
}
