package io.tenantry.contracts.tenant;

import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Create a tenant. {@code ownerId} (the creating user) becomes its first OWNER in the same step; {@code leadId} is
 * set when the tenant is onboarded from a lead; {@code planId} is the plan it starts on ({@code null}: the default).
 * Answers the new tenant's {@link TenantView}.
 */
public record CreateTenantCommand(
        @TargetAggregateIdentifier String tenantId,
        String name,
        String slug,
        TenantTier tier,
        List<TenantContact> contacts,
        TenantAddress address,
        String industry,
        Map<String, String> settings,
        String leadId,
        String ownerId,
        String planId) {

    public CreateTenantCommand {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** A tenant with only the required fields. */
    public static CreateTenantCommand of(String tenantId, String name, String slug, TenantTier tier, String ownerId) {
        return new CreateTenantCommand(
                tenantId, name, slug, tier, List.of(), null, null, Map.of(), null, ownerId, null);
    }

    @Override
    public String toString() {
        // contacts are personal data: keep them out of logs
        return "CreateTenantCommand[tenantId=" + tenantId + ", slug=" + slug + ", tier=" + tier + ", contacts="
                + contacts.size() + "]";
    }
}
