package io.tenantry.command.provisioning;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantry.contracts.tenant.TenantRules;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The provisioning API's tenant body: {@code client_name} and {@code email} required; unknown fields are refused. */
record ProvisioningTenantRequest(
        @JsonProperty("client_name")
        @NotNull
        @Size(min = 1, max = TenantRules.NAME_MAX_LENGTH, message = "Client name is required (1 to 255 characters)")
        String clientName,

        @JsonProperty("email")
        @NotBlank(message = "Invalid email address")
        @Email(message = "Invalid email address")
        @Size(max = 320)
        String email,

        @JsonProperty("phone_number") @Size(max = 50) String phoneNumber,

        @JsonProperty("industry") @Size(min = 1, max = TenantRules.INDUSTRY_MAX_LENGTH)
        String industry) {

    @Override
    public String toString() {
        return "ProvisioningTenantRequest[***]";
    }
}
