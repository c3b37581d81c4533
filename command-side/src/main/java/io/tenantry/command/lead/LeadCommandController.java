package io.tenantry.command.lead;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.command.invitation.InvitationMailer;
import io.tenantry.command.invitation.InvitationPolicy;
import io.tenantry.command.secret.OneTimeSecrets;
import io.tenantry.command.tenant.TenantRequests;
import io.tenantry.command.tenant.TenantRequests.Contact;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.lead.CreateLeadCommand;
import io.tenantry.contracts.lead.LeadContact;
import io.tenantry.contracts.lead.OnboardLeadCommand;
import io.tenantry.contracts.lead.ResendLeadVerificationCommand;
import io.tenantry.contracts.lead.VerificationOutcome;
import io.tenantry.contracts.lead.VerifyLeadCommand;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.TenantRules;
import io.tenantry.contracts.tenant.TenantTier;
import io.tenantry.contracts.tenant.TenantView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Lead onboarding: register, verify the e-mail with the mailed code, then turn into a tenant with the lead
 * token. The first three are public and rate-limited; the last takes the lead's own token and no other.
 */
@RestController
@RequestMapping("/api/leads")
class LeadCommandController {

    private static final Logger log = LoggerFactory.getLogger(LeadCommandController.class);

    private final CommandGateway commands;
    private final LeadMailer mailer;
    private final LeadTokens tokens;
    private final LeadPolicy policy;
    private final InvitationMailer invitationMailer;
    private final InvitationPolicy invitationPolicy;

    LeadCommandController(
            CommandGateway commands,
            LeadMailer mailer,
            LeadTokens tokens,
            LeadPolicy policy,
            InvitationMailer invitationMailer,
            InvitationPolicy invitationPolicy) {
        this.commands = commands;
        this.mailer = mailer;
        this.tokens = tokens;
        this.policy = policy;
        this.invitationMailer = invitationMailer;
        this.invitationPolicy = invitationPolicy;
    }

    @Operation(summary = "Register a lead and mail its verification code")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CreatedLead> create(@Valid @RequestBody CreateLeadRequest request) {
        String leadId = UUID.randomUUID().toString();
        String code = OneTimeSecrets.newSecret();
        commands.sendAndWait(new CreateLeadCommand(
                leadId,
                request.name(),
                request.email(),
                request.companyName(),
                request.address() == null ? null : request.address().toLeadAddress(),
                OneTimeSecrets.hash(code),
                Instant.now().plus(policy.codeTtl())));
        boolean sent = send(request.email(), request.name(), leadId, code);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri()
                        .path("/{id}")
                        .buildAndExpand(leadId)
                        .toUri())
                .body(new CreatedLead(leadId, sent));
    }

    @Operation(summary = "Verify a lead's e-mail with its code")
    @PostMapping("/{leadId}/verify")
    VerifiedLead verify(@PathVariable String leadId, @Valid @RequestBody VerifyRequest request) {
        VerificationOutcome outcome =
                commands.sendAndWait(new VerifyLeadCommand(leadId, OneTimeSecrets.hash(request.code()), Instant.now()));
        return switch (outcome.result()) {
            case VERIFIED -> {
                LeadTokens.IssuedLeadToken token = tokens.issue(leadId);
                yield new VerifiedLead(token.token(), token.expiresAt());
            }
            case WRONG_CODE ->
                throw new DomainRefusal(
                        DomainRefusal.Kind.INVALID,
                        "invalid_verification_code",
                        "That is not the code this lead was sent; " + outcome.attemptsLeft() + " attempt(s) left.",
                        Map.of("attemptsLeft", outcome.attemptsLeft()));
            case CODE_EXPIRED ->
                throw DomainRefusal.conflict(
                        "verification_code_expired", "The code has expired; ask for a new one (resend-verification).");
            case LOCKED ->
                throw DomainRefusal.conflict(
                        "lead_locked", "This lead is locked after too many wrong codes; register again to start over.");
        };
    }

    @Operation(summary = "Mail a lead a new verification code")
    @PostMapping("/{leadId}/resend-verification")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<Void> resend(@PathVariable String leadId) {
        String code = OneTimeSecrets.newSecret();
        LeadContact lead = commands.sendAndWait(new ResendLeadVerificationCommand(
                leadId, OneTimeSecrets.hash(code), Instant.now().plus(policy.codeTtl())));
        if (!send(lead.email(), lead.name(), leadId, code)) {
            throw new DomainRefusal(
                    DomainRefusal.Kind.UNPROCESSABLE,
                    "mail_unavailable",
                    "The new code could not be mailed just now; try again shortly.");
        }
        return ResponseEntity.accepted().build();
    }

    /**
     * With the lead's token only (see the security configuration): the lead becomes its tenant's placeholder OWNER,
     * and its address gets an OWNER invitation by e-mail; the user who accepts it takes the placeholder's seat.
     */
    @Operation(summary = "Convert a verified lead into its tenant")
    @PostMapping("/{leadId}/tenants")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<TenantView> onboard(@PathVariable String leadId, @Valid @RequestBody OnboardRequest request) {
        String tenantId = UUID.randomUUID().toString();
        String invitationToken = OneTimeSecrets.newSecret();
        OnboardLeadCommand.OwnerInvitation invitation = new OnboardLeadCommand.OwnerInvitation(
                UUID.randomUUID().toString(),
                OneTimeSecrets.hash(invitationToken),
                invitationPolicy.expiresAt(Instant.now(), null));
        TenantView tenant = commands.sendAndWait(new OnboardLeadCommand(
                leadId,
                tenantId,
                request.name(),
                request.slug(),
                request.tier(),
                TenantRequests.contacts(request.contacts()),
                TenantRequests.address(request.address()),
                request.planId(),
                invitation));
        String ownerEmail = tenant.contacts().get(0).email();
        try {
            invitationMailer.sendInvitation(
                    ownerEmail,
                    tenant.name(),
                    MemberRole.OWNER,
                    invitation.invitationId(),
                    invitationToken,
                    invitation.expiresAt());
        } catch (RuntimeException e) {
            log.warn(
                    "Could not mail the OWNER invitation {} of lead {}: {}",
                    invitation.invitationId(),
                    leadId,
                    e.toString());
        }
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/tenants/{id}")
                        .buildAndExpand(tenantId)
                        .toUri())
                .eTag(Long.toString(tenant.version()))
                .body(tenant);
    }

    private boolean send(String email, String name, String leadId, String code) {
        try {
            mailer.sendVerification(email, name, leadId, code);
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not mail the verification code of lead {}: {}", leadId, e.toString());
            return false;
        }
    }

    record CreateLeadRequest(
            @NotBlank @Size(max = 255) String name,
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Size(max = 255) String companyName,
            @Valid TenantRequests.Address address) {

        @Override
        public String toString() {
            return "CreateLeadRequest[***]";
        }
    }

    record VerifyRequest(@NotBlank @Size(max = 100) String code) {

        @Override
        public String toString() {
            return "VerifyRequest[***]";
        }
    }

    record OnboardRequest(
            @NotBlank @Size(max = TenantRules.NAME_MAX_LENGTH)
            String name,

            @NotNull
            @Pattern(
                    regexp = TenantRules.SLUG_REGEX,
                    message = "must be 3-63 lower-case letters, digits or inner hyphens")
            String slug,

            @NotNull TenantTier tier,
            @Size(max = 19) List<@Valid @NotNull Contact> contacts,
            @Valid TenantRequests.Address address,
            @Size(min = 1, max = 64) String planId) {}

    record CreatedLead(String id, boolean verificationSent) {}

    record VerifiedLead(String token, Instant expiresAt) {

        @Override
        public String toString() {
            return "VerifiedLead[expiresAt=" + expiresAt + "]";
        }
    }
}
