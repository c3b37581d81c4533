package io.tenantry.command.tenant;

import io.tenantry.contracts.tenant.TenantContact;
import io.tenantry.contracts.tenant.TenantRules;
import io.tenantry.contracts.tenant.TenantTier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Body of {@code POST /api/tenants}. */
record CreateTenantRequest(
        @NotBlank @Size(max = TenantRules.NAME_MAX_LENGTH) String name,
        @NotNull @Pattern(regexp = TenantRules.SLUG_REGEX,
                message = "must be 3-63 lower-case letters, digits or inner hyphens") String slug,
        @NotNull TenantTier tier,
        @Size(max = TenantContacts.MAXIMUM) List<@Valid @NotNull Contact> contacts) {

    /** A person to contact about the tenant. */
    record Contact(
            @NotBlank @Size(max = 255) String name,
            @NotBlank @Email @Size(max = 320) String email,
            @Size(max = 50) String phone,
            Boolean primary) {

        TenantContact toContact() {
            return new TenantContact(name.trim(), email.trim(), phone, Boolean.TRUE.equals(primary));
        }

        @Override
        public String toString() {
            return "Contact[***]";
        }
    }

    List<TenantContact> tenantContacts() {
        return contacts == null ? List.of() : contacts.stream().map(Contact::toContact).toList();
    }
}
