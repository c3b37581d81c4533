package io.tenantry.command.invitation;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.command.EmailAddresses;
import io.tenantry.command.secret.OneTimeSecrets;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.invitation.AcceptInvitationCommand;
import io.tenantry.contracts.invitation.AcceptedInvitation;
import io.tenantry.contracts.invitation.InviteMemberCommand;
import io.tenantry.contracts.invitation.IssuedInvitation;
import io.tenantry.contracts.invitation.RevokeInvitationCommand;
import io.tenantry.contracts.tenant.MemberRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Invitations: an OWNER or ADMIN invites an address, the invitee accepts with the token from the e-mail,
 * an OWNER or ADMIN may revoke. The tenant and the invitation decide who may, the registry which addresses may.
 */
@RestController
@RequestMapping("/api")
class InvitationCommandController {

    private static final Logger log = LoggerFactory.getLogger(InvitationCommandController.class);

    private final CommandGateway commands;
    private final InvitationMailer mailer;
    private final InvitationPolicy policy;

    InvitationCommandController(CommandGateway commands, InvitationMailer mailer, InvitationPolicy policy) {
        this.commands = commands;
        this.mailer = mailer;
        this.policy = policy;
    }

    /** Answers 201 with the invitation's id and expiry; the accept link goes by e-mail ({@code mailSent}). */
    @Operation(summary = "Invite a person to a tenant by e-mail")
    @PostMapping("/tenants/{tenantId}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CreatedInvitation> invite(
            @PathVariable String tenantId, @Valid @RequestBody InviteRequest request, Caller caller) {
        String invitationId = UUID.randomUUID().toString();
        String token = OneTimeSecrets.newSecret();
        Instant expiresAt = policy.expiresAt(Instant.now(), request.expiresInHours());
        IssuedInvitation issued = commands.sendAndWait(new InviteMemberCommand(
                tenantId,
                invitationId,
                request.email().trim(),
                request.role(),
                expiresAt,
                OneTimeSecrets.hash(token),
                caller));
        boolean sent = send(request.email().trim(), issued, request.role(), token);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/invitations/{id}")
                        .buildAndExpand(invitationId)
                        .toUri())
                .body(new CreatedInvitation(invitationId, expiresAt, sent));
    }

    @Operation(summary = "Revoke an invitation")
    @DeleteMapping("/tenants/{tenantId}/invitations/{invitationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String tenantId, @PathVariable String invitationId, Caller caller) {
        commands.sendAndWait(new RevokeInvitationCommand(tenantId, invitationId, caller));
    }

    /** The signed-in caller joins the tenant with the invited role; repeating it answers the same. */
    @Operation(summary = "Accept an invitation with its token")
    @PostMapping("/invitations/{invitationId}/accept")
    AcceptedInvitation accept(
            @PathVariable String invitationId, @Valid @RequestBody AcceptRequest request, Caller caller) {
        return commands.sendAndWait(
                new AcceptInvitationCommand(invitationId, OneTimeSecrets.hash(request.token()), caller, Instant.now()));
    }

    private boolean send(String email, IssuedInvitation issued, MemberRole role, String token) {
        try {
            mailer.sendInvitation(email, issued.tenantName(), role, issued.invitationId(), token, issued.expiresAt());
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not mail invitation {}: {}", issued.invitationId(), e.toString());
            return false;
        }
    }

    record InviteRequest(
            @NotBlank @Email @Size(max = EmailAddresses.MAX_LENGTH)
            String email,

            @NotNull MemberRole role,
            Integer expiresInHours) {

        @Override
        public String toString() {
            return "InviteRequest[role=" + role + ", ***]";
        }
    }

    record AcceptRequest(@NotBlank @Size(max = 100) String token) {

        @Override
        public String toString() {
            return "AcceptRequest[***]";
        }
    }

    record CreatedInvitation(String id, Instant expiresAt, boolean mailSent) {}
}
