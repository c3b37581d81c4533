package io.tenantry.command.tenant;

import io.tenantry.command.tenant.TenantRequests.Address;
import io.tenantry.command.tenant.TenantRequests.Contact;
import io.tenantry.contracts.tenant.TenantRules;
import io.tenantry.contracts.tenant.TenantTier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** Body of {@code PUT /api/tenants/{id}}: the whole profile; what is left out is cleared. The tier cannot change. */
record ReplaceTenantRequest(
        @NotBlank @Size(max = TenantRules.NAME_MAX_LENGTH) String name,

        @NotNull
        @Pattern(regexp = TenantRules.SLUG_REGEX, message = "must be 3-63 lower-case letters, digits or inner hyphens")
        String slug,

        TenantTier tier,
        @Size(max = TenantContacts.MAXIMUM) List<@Valid @NotNull Contact> contacts,
        @Valid Address address,

        @Size(min = 1, max = TenantRules.INDUSTRY_MAX_LENGTH)
        String industry,

        @Size(max = TenantRules.SETTINGS_MAX_ENTRIES) Map<String, String> settings) {

    @AssertTrue(message = "keys must be 1-100 characters, values at most 2000")
    boolean isSettingsFit() {
        return TenantRequests.settingsFit(settings);
    }
}
