package io.tenantry.command.tenant;

import io.tenantry.contracts.tenant.TenantRules;
import io.tenantry.contracts.tenant.TenantTier;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/tenants}. */
record CreateTenantRequest(
        @NotBlank @Size(max = TenantRules.NAME_MAX_LENGTH) String name,
        @NotNull @Pattern(regexp = TenantRules.SLUG_REGEX,
                message = "must be 3-63 lower-case letters, digits or inner hyphens") String slug,
        @NotNull TenantTier tier) {
}
