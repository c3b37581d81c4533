package io.tenantry.contracts.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A tenant as the API shows it: what commands answer and queries return. {@code version} is the aggregate's
 * sequence number (the ETag); {@code planId} is filled by subscriptions.
 */
public record TenantView(
        String id,
        String name,
        String slug,
        TenantTier tier,
        TenantStatus status,
        List<TenantContact> contacts,
        TenantAddress address,
        String industry,
        Map<String, String> settings,
        String leadId,
        String planId,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt,
        long version) {

    public TenantView {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** The primary contact, else the first one, else {@code null}. */
    public TenantContact primaryContact() {
        return contacts.stream()
                .filter(TenantContact::primary)
                .findFirst()
                .orElse(contacts.isEmpty() ? null : contacts.get(0));
    }

    /** The same view at a later version of the tenant, changed by events that do not show in it. */
    public TenantView atVersion(long newVersion) {
        return new TenantView(
                id,
                name,
                slug,
                tier,
                status,
                contacts,
                address,
                industry,
                settings,
                leadId,
                planId,
                createdBy,
                createdAt,
                updatedAt,
                deletedAt,
                newVersion);
    }
}
