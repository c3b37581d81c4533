package io.tenantry.command.scim;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.scim.BindProvisionedMemberCommand;
import io.tenantry.contracts.scim.ScimUserView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person takes the member the tenant's identity provider provisioned for their verified e-mail address, before (or
 * instead of) their first tenant-token exchange, which binds the same way. Idempotent: once bound, the same answer.
 */
@RestController
class ProvisionedMemberCommandController {

    private final CommandGateway commands;

    ProvisionedMemberCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(summary = "Bind the member provisioned for your verified e-mail address to you")
    @PostMapping("/api/tenants/{tenantId}/members/bind")
    ResponseEntity<BoundMember> bind(@PathVariable String tenantId, Caller caller) {
        // before the tenant is looked up, so the answer tells nothing of it
        if (caller.isApiKey() || caller.impersonated()) {
            throw DomainRefusal.forbidden(
                    "caller_required", "A person binds a provisioned member to themselves, in person.");
        }
        if (caller.verifiedEmail() == null) {
            throw DomainRefusal.forbidden(
                    "email_not_verified",
                    "Your token carries no verified e-mail address (email with email_verified: true): only a verified"
                            + " address binds a provisioned member.");
        }
        ScimUserView user = commands.sendAndWait(new BindProvisionedMemberCommand(tenantId, caller));
        return ResponseEntity.ok()
                .eTag(Long.toString(user.version()))
                .body(new BoundMember(user.tenantId(), user.userId(), user.scimId()));
    }

    /** The member bound: the person's subject ({@code userId}) and the SCIM id it keeps. */
    record BoundMember(String tenantId, String userId, String scimId) {}
}
