package io.tenantry.command.lead;

import io.tenantry.contracts.lead.ConvertLeadCommand;
import io.tenantry.contracts.lead.LeadContact;
import io.tenantry.contracts.lead.OnboardLeadCommand;
import io.tenantry.contracts.tenant.CreateTenantCommand;
import io.tenantry.contracts.tenant.TenantContact;
import io.tenantry.contracts.tenant.TenantView;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lead → tenant in one unit of work and one transaction: the lead is converted, then the tenant created (both
 * commands nest in this one, their events are stored when it commits). A taken slug, a crash or a second convert
 * racing this one undoes both: never two tenants, never a converted lead without its tenant.
 */
@Component
class LeadOnboarding {

    /** The principal holding a lead-made tenant's OWNER seat until the lead has a user of its own. */
    static final String LEAD_PRINCIPAL_PREFIX = "lead:";

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
        return commands.sendAndWait(new CreateTenantCommand(command.tenantId(), command.name(), command.slug(),
                command.tier(), contacts, command.address(), null, Map.of(), command.leadId(),
                LEAD_PRINCIPAL_PREFIX + command.leadId()));
    }
}
