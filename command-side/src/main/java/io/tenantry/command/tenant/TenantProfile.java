package io.tenantry.command.tenant;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.tenant.TenantAddress;
import io.tenantry.contracts.tenant.TenantContact;
import io.tenantry.contracts.tenant.TenantRules;
import java.util.List;
import java.util.Map;

/** What describes a tenant and may change: checked whole, so the aggregate only ever holds a valid profile. */
record TenantProfile(
        String name,
        String slug,
        List<TenantContact> contacts,
        TenantAddress address,
        String industry,
        Map<String, String> settings) {

    TenantProfile {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** A profile that keeps the rules, or the refusal saying which one it breaks. */
    static TenantProfile checked(
            String name,
            String slug,
            List<TenantContact> contacts,
            TenantAddress address,
            String industry,
            Map<String, String> settings) {
        if (!TenantRules.isValidName(name)) {
            throw DomainRefusal.invalid(
                    "invalid_tenant_name",
                    "A tenant name must be 1 to " + TenantRules.NAME_MAX_LENGTH + " characters and not blank.");
        }
        if (!TenantRules.isValidSlug(slug)) {
            throw DomainRefusal.invalid(
                    "invalid_slug",
                    "A slug must match " + TenantRules.SLUG_REGEX + " (lower-case letters, digits and inner hyphens).");
        }
        if (industry != null && (industry.isBlank() || industry.length() > TenantRules.INDUSTRY_MAX_LENGTH)) {
            throw DomainRefusal.invalid(
                    "invalid_industry",
                    "An industry is 1 to " + TenantRules.INDUSTRY_MAX_LENGTH + " characters, or absent.");
        }
        if (settings != null && settings.size() > TenantRules.SETTINGS_MAX_ENTRIES) {
            throw DomainRefusal.invalid(
                    "too_many_settings", "A tenant has at most " + TenantRules.SETTINGS_MAX_ENTRIES + " settings.");
        }
        TenantContacts.check(contacts == null ? List.of() : contacts);
        return new TenantProfile(name.trim(), slug, contacts, address, industry, settings);
    }

    /**
     * This profile with the provisioning API's details: the name, the primary contact's address and phone (the contact
     * keeps its name while its address stays), the industry. When {@code partial}, {@code null} means unchanged.
     */
    TenantProfile withProvisioningDetails(
            String clientName, String email, String phone, String newIndustry, boolean partial) {
        TenantContact primary = contacts.stream()
                .filter(TenantContact::primary)
                .findFirst()
                .orElse(contacts.isEmpty() ? null : contacts.get(0));
        String nextEmail = email != null || !partial ? email : primary == null ? null : primary.email();
        String nextPhone = phone != null || !partial ? phone : primary == null ? null : primary.phone();
        List<TenantContact> nextContacts = new java.util.ArrayList<>(contacts);
        if (nextEmail != null) {
            String keptName = primary != null && nextEmail.equalsIgnoreCase(primary.email()) ? primary.name() : null;
            TenantContact replacement = new TenantContact(keptName, nextEmail, nextPhone, true);
            int index = primary == null ? -1 : nextContacts.indexOf(primary);
            if (index >= 0) {
                nextContacts.set(index, replacement);
            } else {
                nextContacts.add(0, replacement);
            }
        }
        return checked(
                clientName != null ? clientName : name,
                slug,
                nextContacts,
                address,
                newIndustry != null || !partial ? newIndustry : industry,
                settings);
    }

    /** This profile with the given fields changed; {@code null} means unchanged. */
    TenantProfile patched(
            String newName,
            String newSlug,
            List<TenantContact> newContacts,
            TenantAddress newAddress,
            String newIndustry,
            Map<String, String> newSettings) {
        return checked(
                newName != null ? newName : name,
                newSlug != null ? newSlug : slug,
                newContacts != null ? newContacts : contacts,
                newAddress != null ? newAddress : address,
                newIndustry != null ? newIndustry : industry,
                newSettings != null ? newSettings : settings);
    }
}
