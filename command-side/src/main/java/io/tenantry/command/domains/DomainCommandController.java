package io.tenantry.command.domains;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.domains.DecideJoinRequestCommand;
import io.tenantry.contracts.domains.JoinOutcome;
import io.tenantry.contracts.domains.JoinPolicy;
import io.tenantry.contracts.domains.JoinTenantCommand;
import io.tenantry.contracts.domains.RemoveTenantDomainCommand;
import io.tenantry.contracts.domains.SetDomainJoinPolicyCommand;
import io.tenantry.contracts.domains.TenantDomainView;
import io.tenantry.contracts.domains.VerificationMethod;
import io.tenantry.contracts.tenant.MemberRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A tenant's e-mail domains and joining by them. The Tenant aggregate decides who may; {@link DomainVerification}
 * looks for a domain's challenge (DNS, HTTPS) outside the aggregate and records what it found.
 */
@RestController
@RequestMapping("/api/tenants/{tenantId}")
class DomainCommandController {

    private final CommandGateway commands;
    private final DomainVerification verification;

    DomainCommandController(CommandGateway commands, DomainVerification verification) {
        this.commands = commands;
        this.verification = verification;
    }

    /** Answers 201 with the domain, PENDING, and the challenge to publish at it. */
    @Operation(summary = "Add an e-mail domain to a tenant")
    @PostMapping("/domains")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<TenantDomainView> add(
            @PathVariable String tenantId, @Valid @RequestBody AddDomainRequest request, Caller caller) {
        TenantDomainView domain = verification.add(tenantId, caller, request.domain());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri()
                        .path("/{domain}")
                        .buildAndExpand(domain.domain())
                        .toUri())
                .body(domain);
    }

    /** Looks for the challenge (by {@code method}; DNS, then HTTPS without one) and verifies the domain. */
    @Operation(summary = "Verify a tenant's e-mail domain")
    @PostMapping("/domains/{domain}/verify")
    TenantDomainView verify(
            @PathVariable String tenantId,
            @PathVariable String domain,
            @Valid @RequestBody(required = false) VerifyRequest request,
            Caller caller) {
        return verification.verify(tenantId, caller, domain, request == null ? null : request.method());
    }

    @Operation(summary = "Remove an e-mail domain from a tenant")
    @DeleteMapping("/domains/{domain}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> remove(@PathVariable String tenantId, @PathVariable String domain, Caller caller) {
        long version = commands.sendAndWait(new RemoveTenantDomainCommand(tenantId, caller, domain));
        return ResponseEntity.noContent().eTag(Long.toString(version)).build();
    }

    @Operation(summary = "Set who may join a tenant by one of its e-mail domains")
    @PutMapping("/domains/{domain}/join-policy")
    TenantDomainView joinPolicy(
            @PathVariable String tenantId,
            @PathVariable String domain,
            @Valid @RequestBody JoinPolicyRequest request,
            Caller caller) {
        return commands.sendAndWait(
                new SetDomainJoinPolicyCommand(tenantId, caller, domain, request.policy(), request.defaultRole()));
    }

    /**
     * AUTO: 201, a member at once; SUGGEST: 202, a request waits for an OWNER or ADMIN (the same one if asked again).
     * Without a verified e-mail address in the token: 403 whatever the tenant, so the answer tells nothing of it.
     */
    @Operation(summary = "Join a tenant by the verified e-mail domain of one's token")
    @PostMapping("/join")
    ResponseEntity<JoinOutcome> join(@PathVariable String tenantId, Caller caller) {
        if (caller.verifiedEmail() == null) {
            throw DomainRefusal.forbidden(
                    "email_not_verified",
                    "Joining by e-mail domain takes a token with a verified e-mail address (email, with"
                            + " email_verified true).");
        }
        JoinOutcome outcome = commands.sendAndWait(
                new JoinTenantCommand(tenantId, caller, UUID.randomUUID().toString()));
        if (outcome.status() == JoinOutcome.Status.JOINED) {
            return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                            .path("/api/tenants/{tenantId}/members/{userId}")
                            .buildAndExpand(tenantId, outcome.userId())
                            .toUri())
                    .body(outcome);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(outcome);
    }

    @Operation(summary = "Approve a request to join a tenant")
    @PostMapping("/join-requests/{requestId}/approve")
    JoinOutcome approve(@PathVariable String tenantId, @PathVariable String requestId, Caller caller) {
        return commands.sendAndWait(new DecideJoinRequestCommand(tenantId, caller, requestId, true));
    }

    @Operation(summary = "Deny a request to join a tenant")
    @PostMapping("/join-requests/{requestId}/deny")
    JoinOutcome deny(@PathVariable String tenantId, @PathVariable String requestId, Caller caller) {
        return commands.sendAndWait(new DecideJoinRequestCommand(tenantId, caller, requestId, false));
    }

    record AddDomainRequest(@NotBlank @Size(max = 300) String domain) {}

    record VerifyRequest(VerificationMethod method) {}

    record JoinPolicyRequest(@NotNull JoinPolicy policy, MemberRole defaultRole) {}
}
