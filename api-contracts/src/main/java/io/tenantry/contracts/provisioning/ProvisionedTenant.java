package io.tenantry.contracts.provisioning;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantry.contracts.tenant.TenantContact;
import io.tenantry.contracts.tenant.TenantView;
import java.time.Instant;

/**
 * A tenant in the partner provisioning API's shape: {@code client_name} is the tenant's name, {@code email} and
 * {@code phone_number} its primary contact's.
 */
public record ProvisionedTenant(
        @JsonProperty("tenant") String tenant,
        @JsonProperty("client_name") String clientName,
        @JsonProperty("email") String email,
        @JsonProperty("phone_number") String phoneNumber,
        @JsonProperty("industry") String industry,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {

    public static ProvisionedTenant of(TenantView tenant) {
        TenantContact contact = tenant.primaryContact();
        return new ProvisionedTenant(
                tenant.id(),
                tenant.name(),
                contact == null ? null : contact.email(),
                contact == null ? null : contact.phone(),
                tenant.industry(),
                tenant.createdAt(),
                tenant.updatedAt());
    }

    @Override
    public String toString() {
        return "ProvisionedTenant[tenant=" + tenant + ", ***]";
    }
}
