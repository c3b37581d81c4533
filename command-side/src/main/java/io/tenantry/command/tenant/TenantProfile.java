package io.tenantry.command.tenant;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.tenant.CreateTenantCommand;
import io.tenantry.contracts.tenant.PatchTenantCommand;
import io.tenantry.contracts.tenant.ReplaceTenantCommand;
import io.tenantry.contracts.tenant.TenantAddress;
import io.tenantry.contracts.tenant.TenantContact;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import io.tenantry.contracts.tenant.TenantRules;
import io.tenantry.contracts.tenant.TenantUpdatedEvent;
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

    /** The checked profile a new tenant asks for. */
    static TenantProfile of(CreateTenantCommand command) {
        return checked(
                command.name(),
                command.slug(),
                command.contacts(),
                command.address(),
                command.industry(),
                command.settings());
    }

    /** The checked profile that replaces the tenant's. */
    static TenantProfile of(ReplaceTenantCommand command) {
        return checked(
                command.name(),
                command.slug(),
                command.contacts(),
                command.address(),
                command.industry(),
                command.settings());
    }

    static TenantProfile of(TenantCreatedEvent event) {
        return new TenantProfile(
                event.name(), event.slug(), event.contacts(), event.address(), event.industry(), event.settings());
    }

    static TenantProfile of(TenantUpdatedEvent event) {
        return new TenantProfile(
                event.name(), event.slug(), event.contacts(), event.address(), event.industry(), event.settings());
    }

    /** The event that creates the tenant with this (checked) profile on that plan. */
    TenantCreatedEvent created(CreateTenantCommand command, String planId) {
        return new TenantCreatedEvent(
                command.tenantId(),
                name,
                slug,
                command.tier(),
                contacts,
                address,
                industry,
                settings,
                command.leadId(),
                planId);
    }

    /** The event that says the tenant now has this profile. */
    TenantUpdatedEvent updated(String tenantId) {
        return new TenantUpdatedEvent(tenantId, name, slug, contacts, address, industry, settings);
    }

    /** This profile with the command's fields changed; {@code null} means unchanged. */
    TenantProfile patched(PatchTenantCommand command) {
        return checked(
                command.name() != null ? command.name() : name,
                command.slug() != null ? command.slug() : slug,
                command.contacts() != null ? command.contacts() : contacts,
                command.address() != null ? command.address() : address,
                command.industry() != null ? command.industry() : industry,
                command.settings() != null ? command.settings() : settings);
    }
}
