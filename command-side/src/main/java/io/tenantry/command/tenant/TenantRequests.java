package io.tenantry.command.tenant;

import io.tenantry.contracts.tenant.TenantAddress;
import io.tenantry.contracts.tenant.TenantContact;
import io.tenantry.contracts.tenant.TenantRules;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** The pieces the tenant request bodies share (with the lead onboarding body too), with their validation. */
public final class TenantRequests {

    private TenantRequests() {}

    /** A person to contact about the tenant. */
    public record Contact(
            @Size(min = 1, max = 255) String name,
            @NotBlank @Email @Size(max = 320) String email,
            @Size(max = 50) String phone,
            Boolean primary) {

        TenantContact toContact() {
            return new TenantContact(
                    name == null ? null : name.trim(), email.trim(), phone, Boolean.TRUE.equals(primary));
        }

        @Override
        public String toString() {
            return "Contact[***]";
        }
    }

    /** A postal address; every line optional. */
    public record Address(
            @Size(max = 255) String line1,
            @Size(max = 255) String line2,
            @Size(max = 128) String city,
            @Size(max = 128) String region,
            @Size(max = 32) String postalCode,
            @Size(max = 64) String country) {

        TenantAddress toAddress() {
            return new TenantAddress(line1, line2, city, region, postalCode, country);
        }

        /** The same lines as a lead's (personal) address. */
        public io.tenantry.contracts.lead.LeadAddress toLeadAddress() {
            return new io.tenantry.contracts.lead.LeadAddress(line1, line2, city, region, postalCode, country);
        }
    }

    public static List<TenantContact> contacts(List<Contact> contacts) {
        return contacts == null
                ? null
                : contacts.stream().map(Contact::toContact).toList();
    }

    public static TenantAddress address(Address address) {
        return address == null ? null : address.toAddress();
    }

    /** Settings: at most {@value TenantRules#SETTINGS_MAX_ENTRIES} keys of up to 100 characters, values up to 2000. */
    static boolean settingsFit(Map<String, String> settings) {
        return settings == null
                || settings.entrySet().stream()
                        .allMatch(entry -> entry.getKey() != null
                                && !entry.getKey().isBlank()
                                && entry.getKey().length() <= 100
                                && (entry.getValue() == null || entry.getValue().length() <= 2000));
    }
}
