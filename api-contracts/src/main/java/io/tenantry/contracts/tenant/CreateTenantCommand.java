package io.tenantry.contracts.tenant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Create a tenant; the caller (metadata {@code actorId}) is recorded as its creator. */
public record CreateTenantCommand(
        @TargetAggregateIdentifier String tenantId,
        String name,
        String slug,
        TenantTier tier,
        List<TenantContact> contacts) {

    public CreateTenantCommand {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    @Override
    public String toString() {
        // contacts are personal data: keep them out of logs
        return "CreateTenantCommand[tenantId=" + tenantId + ", slug=" + slug + ", tier=" + tier
                + ", contacts=" + contacts.size() + "]";
    }
}
