package io.tenantry.command.provisioning;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantry.contracts.tenant.TenantRules;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** The provisioning API's partial update: only the fields given change. */
record ProvisioningTenantPatch(
        @JsonProperty("client_name")
        @Size(min = 1, max = TenantRules.NAME_MAX_LENGTH, message = "Client name is 1 to 255 characters")
        String clientName,

        @JsonProperty("email") @Email(message = "Invalid email address") @Size(min = 3, max = 320)
        String email,

        @JsonProperty("phone_number") @Size(max = 50) String phoneNumber,

        @JsonProperty("industry") @Size(min = 1, max = TenantRules.INDUSTRY_MAX_LENGTH)
        String industry) {

    @Override
    public String toString() {
        return "ProvisioningTenantPatch[***]";
    }
}
