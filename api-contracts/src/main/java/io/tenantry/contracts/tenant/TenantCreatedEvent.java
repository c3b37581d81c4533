package io.tenantry.contracts.tenant;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A tenant came into being, in status {@link TenantStatus#PENDING_PROVISION}. Actor and correlation id are metadata.
 * Revision 2 added {@code contacts} (revision 1 events read back with none).
 */
@Revision("2")
public record TenantCreatedEvent(
        String tenantId,
        String name,
        String slug,
        TenantTier tier,
        List<TenantContact> contacts) {

    public TenantCreatedEvent {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }
}
