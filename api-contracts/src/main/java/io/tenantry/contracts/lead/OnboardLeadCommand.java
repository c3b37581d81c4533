package io.tenantry.contracts.lead;

import io.tenantry.contracts.tenant.TenantAddress;
import io.tenantry.contracts.tenant.TenantContact;
import io.tenantry.contracts.tenant.TenantTier;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Turn a verified lead into exactly one tenant, in one transaction: the lead is converted, the tenant created with
 * the lead's contact first (primary) and the lead ({@link LeadPrincipal lead:<id>}) as its placeholder OWNER, and the
 * lead's address invited as OWNER ({@code ownerInvitation}): whoever accepts that takes the placeholder's seat.
 * Answers the tenant.
 */
public record OnboardLeadCommand(
        @TargetAggregateIdentifier String leadId,
        String tenantId,
        String name,
        String slug,
        TenantTier tier,
        List<TenantContact> contacts,
        TenantAddress address,
        String planId,
        OwnerInvitation ownerInvitation) {

    public OnboardLeadCommand {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    @Override
    public String toString() {
        return "OnboardLeadCommand[leadId=" + leadId + ", tenantId=" + tenantId + ", slug=" + slug + "]";
    }

    /** The OWNER invitation to the lead's address: its id, the hash of the token mailed with it, its expiry. */
    public record OwnerInvitation(String invitationId, String tokenHash, Instant expiresAt) {}
}
