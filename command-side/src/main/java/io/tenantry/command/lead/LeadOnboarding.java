package io.tenantry.command.lead;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.invitation.InviteMemberCommand;
import io.tenantry.contracts.invitation.IssuedInvitation;
import io.tenantry.contracts.lead.ConvertLeadCommand;
import io.tenantry.contracts.lead.LeadContact;
import io.tenantry.contracts.lead.LeadPrincipal;
import io.tenantry.contracts.lead.OnboardLeadCommand;
import io.tenantry.contracts.tenant.CreateTenantCommand;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.TenantContact;
import io.tenantry.contracts.tenant.TenantView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Lead → tenant in one unit of work and one transaction: the lead is converted, the tenant created, and the lead's
 * address invited as OWNER (the commands nest in this one, their events are stored when it commits). A taken slug, a
 * crash or a second convert racing this one undoes all: never two tenants, never a converted lead without its tenant.
 */
@Component
class LeadOnboarding {

    private final CommandGateway commands;

    LeadOnboarding(CommandGateway commands) {
        this.commands = commands;
    }

    @CommandHandler
    TenantView handle(OnboardLeadCommand command) {
        LeadContact lead = commands.sendAndWait(new ConvertLeadCommand(command.leadId(), command.tenantId()));
        List<TenantContact> contacts = new ArrayList<>();
        contacts.add(new TenantContact(lead.name(), lead.email(), null, true));
        command.contacts().stream()
                .filter(extra -> !extra.email().equalsIgnoreCase(lead.email()))
                .map(extra -> new TenantContact(extra.name(), extra.email(), extra.phone(), false))
                .forEach(contacts::add);
        String placeholder = LeadPrincipal.of(command.leadId());
        TenantView tenant = commands.sendAndWait(new CreateTenantCommand(
                command.tenantId(),
                command.name(),
                command.slug(),
                command.tier(),
                contacts,
                command.address(),
                null,
                Map.of(),
                command.leadId(),
                placeholder,
                command.planId()));
        OnboardLeadCommand.OwnerInvitation invitation = command.ownerInvitation();
        IssuedInvitation issued = commands.sendAndWait(new InviteMemberCommand(
                command.tenantId(),
                invitation.invitationId(),
                lead.email(),
                MemberRole.OWNER,
                invitation.expiresAt(),
                invitation.tokenHash(),
                Caller.user(placeholder)));
        return tenant.atVersion(issued.tenantVersion());
    }
}
