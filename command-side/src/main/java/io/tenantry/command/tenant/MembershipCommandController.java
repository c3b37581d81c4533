package io.tenantry.command.tenant;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.tenant.AddMemberCommand;
import io.tenantry.contracts.tenant.ChangeMemberRoleCommand;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.MemberView;
import io.tenantry.contracts.tenant.RemoveMemberCommand;
import io.tenantry.contracts.tenant.TransferOwnershipCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

/** Tenant membership writes; the Tenant aggregate decides who may (its own membership, always current). */
@RestController
@RequestMapping("/api/tenants/{tenantId}")
class MembershipCommandController {

    private final CommandGateway commands;

    MembershipCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(summary = "Add a member to a tenant")
    @PostMapping("/members")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<MemberView> add(
            @PathVariable String tenantId, @Valid @RequestBody AddMemberRequest request, Caller caller) {
        MemberView member =
                commands.sendAndWait(new AddMemberCommand(tenantId, caller, request.userId(), request.role()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri()
                        .path("/{userId}")
                        .buildAndExpand(request.userId())
                        .toUri())
                .eTag(Long.toString(member.version()))
                .body(member);
    }

    @Operation(summary = "Change a member's role")
    @PatchMapping("/members/{userId}")
    ResponseEntity<MemberView> changeRole(
            @PathVariable String tenantId,
            @PathVariable String userId,
            @Valid @RequestBody RoleRequest request,
            Caller caller) {
        MemberView member = commands.sendAndWait(new ChangeMemberRoleCommand(tenantId, caller, userId, request.role()));
        return ResponseEntity.ok().eTag(Long.toString(member.version())).body(member);
    }

    /** Removes a member, or (for the member itself) leaves the tenant. */
    @Operation(summary = "Remove a member, or leave a tenant")
    @DeleteMapping("/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> remove(@PathVariable String tenantId, @PathVariable String userId, Caller caller) {
        long version = commands.sendAndWait(new RemoveMemberCommand(tenantId, caller, userId));
        return ResponseEntity.noContent().eTag(Long.toString(version)).build();
    }

    /** In one step the member named becomes OWNER and the caller (an OWNER) becomes ADMIN. */
    @Operation(summary = "Transfer a tenant's ownership to a member")
    @PostMapping("/ownership-transfer")
    ResponseEntity<MemberView> transfer(
            @PathVariable String tenantId, @Valid @RequestBody TransferRequest request, Caller caller) {
        MemberView newOwner = commands.sendAndWait(new TransferOwnershipCommand(tenantId, caller, request.toUserId()));
        return ResponseEntity.ok().eTag(Long.toString(newOwner.version())).body(newOwner);
    }

    record AddMemberRequest(
            @NotBlank @Size(max = 255) String userId,
            @NotNull MemberRole role) {}

    record RoleRequest(@NotNull MemberRole role) {}

    record TransferRequest(@NotBlank @Size(max = 255) String toUserId) {}
}
