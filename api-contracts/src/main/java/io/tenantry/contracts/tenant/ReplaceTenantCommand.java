package io.tenantry.contracts.tenant;

import io.tenantry.contracts.Caller;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * {@code putTenant}: replace a tenant's profile. The tier cannot change. {@code expectedVersion}, when set, must be
 * the tenant's current version ({@code If-Match}). OWNER, ADMIN or partner-admin.
 */
public record ReplaceTenantCommand(
        @TargetAggregateIdentifier String tenantId,
        Long expectedVersion,
        Caller caller,
        String name,
        String slug,
        TenantTier tier,
        List<TenantContact> contacts,
        TenantAddress address,
        String industry,
        Map<String, String> settings) {

    public ReplaceTenantCommand {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    @Override
    public String toString() {
        return "ReplaceTenantCommand[tenantId=" + tenantId + ", slug=" + slug + ", contacts=" + contacts.size() + "]";
    }
}
