package io.tenantry.contracts.tenant;

import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * A tenant came into being, in status {@link TenantStatus#PENDING_PROVISION}. Its creator (metadata {@code actorId})
 * becomes OWNER by a {@link MemberAddedEvent} of the same command. Revision 2 added {@code contacts}; revision 3
 * {@code address}, {@code industry}, {@code settings} and {@code leadId}; revision 4 {@code planId}, the plan it starts
 * on (older tenants: none recorded, the catalogue's default).
 */
@Revision("4")
public record TenantCreatedEvent(
        String tenantId,
        String name,
        String slug,
        TenantTier tier,
        List<TenantContact> contacts,
        TenantAddress address,
        String industry,
        Map<String, String> settings,
        String leadId,
        String planId) {

    public TenantCreatedEvent {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
