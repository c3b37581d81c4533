package io.tenantry.contracts.tenant;

import io.tenantry.contracts.Caller;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Change some of a tenant's profile: every {@code null} field stays as it is (to clear a field, replace the tenant).
 * {@code tier}, when given, must be the current tier. OWNER, ADMIN or partner-admin.
 */
public record PatchTenantCommand(
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

    @Override
    public String toString() {
        return "PatchTenantCommand[tenantId=" + tenantId + ", slug=" + slug + "]";
    }
}
