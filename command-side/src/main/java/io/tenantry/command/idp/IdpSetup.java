package io.tenantry.command.idp;

import io.tenantry.contracts.tenant.TenantTier;

/**
 * What an identity provider needs to set a tenant up: the tenant (its id names what is made for it, so the same
 * tenant always maps to the same realm, organization and client), its tier (a siloed tenant gets a realm of its own,
 * a pooled one an organization in a shared realm) and its admin, the tenant's primary contact.
 */
public record IdpSetup(String tenantId, String slug, String tenantName, TenantTier tier, Admin admin) {

    /** The tenant's first admin user: personal data, never logged or stored by Tenantry outside encrypted events. */
    public record Admin(String email, String firstName, String lastName) {

        /** An admin from a contact's full name: its first word is the first name, the rest the last name. */
        public static Admin named(String email, String fullName) {
            String name = fullName == null ? "" : fullName.trim();
            int space = name.indexOf(' ');
            return space < 0
                    ? new Admin(email, name.isEmpty() ? null : name, null)
                    : new Admin(
                            email,
                            name.substring(0, space),
                            name.substring(space + 1).trim());
        }

        @Override
        public String toString() {
            return "Admin[***]";
        }
    }
}
