package io.tenantry.command.tenant;

import io.tenantry.command.EmailAddresses;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.tenant.TenantContact;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules a tenant's contact list keeps. */
final class TenantContacts {

    static final int MAXIMUM = 20;

    private TenantContacts() {}

    static void check(List<TenantContact> contacts) {
        if (contacts.size() > MAXIMUM) {
            throw DomainRefusal.invalid("too_many_contacts", "A tenant has at most " + MAXIMUM + " contacts.");
        }
        Set<String> emails = new HashSet<>();
        long primaries = 0;
        for (TenantContact contact : contacts) {
            if (contact.name() != null
                    && (contact.name().isBlank() || contact.name().length() > 255)) {
                throw DomainRefusal.invalid("invalid_contact", "A contact's name is 1 to 255 characters, or absent.");
            }
            if (!EmailAddresses.isValid(contact.email())) {
                throw DomainRefusal.invalid("invalid_contact", "Every contact needs a valid e-mail address.");
            }
            if (!emails.add(contact.email().trim().toLowerCase(java.util.Locale.ROOT))) {
                throw DomainRefusal.invalid("duplicate_contact", "Two contacts have the same e-mail address.");
            }
            primaries += contact.primary() ? 1 : 0;
        }
        if (primaries > 1) {
            throw DomainRefusal.invalid("several_primary_contacts", "At most one contact is the primary one.");
        }
    }
}
