package io.tenantry.contracts.tenant;

import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** A tenant's profile after a full (PUT) or partial (PATCH) update: every field holds its new value. */
@Revision("1")
public record TenantUpdatedEvent(
        String tenantId,
        String name,
        String slug,
        List<TenantContact> contacts,
        TenantAddress address,
        String industry,
        Map<String, String> settings) {

    public TenantUpdatedEvent {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
