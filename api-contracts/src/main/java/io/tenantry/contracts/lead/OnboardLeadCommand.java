package io.tenantry.contracts.lead;

import io.tenantry.contracts.tenant.TenantAddress;
import io.tenantry.contracts.tenant.TenantContact;
import io.tenantry.contracts.tenant.TenantTier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Turn a verified lead into exactly one tenant, in one transaction: the lead is converted, and the tenant created with
 * the lead's contact first (primary) and the lead ({@code lead:<id>}) as its OWNER-to-be. Answers the tenant.
 */
public record OnboardLeadCommand(
        @TargetAggregateIdentifier String leadId,
        String tenantId,
        String name,
        String slug,
        TenantTier tier,
        List<TenantContact> contacts,
        TenantAddress address) {

    public OnboardLeadCommand {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    @Override
    public String toString() {
        return "OnboardLeadCommand[leadId=" + leadId + ", tenantId=" + tenantId + ", slug=" + slug + "]";
    }
}
