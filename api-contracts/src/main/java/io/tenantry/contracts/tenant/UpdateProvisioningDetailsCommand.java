package io.tenantry.contracts.tenant;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The provisioning API's update: {@code clientName} is the tenant's name, {@code email} and {@code phoneNumber} its
 * primary contact, {@code industry} its industry; other contacts and the slug stay. {@code partial} (PATCH):
 * {@code null} fields stay as they are; otherwise (PUT) an absent phone number or industry is cleared.
 */
public record UpdateProvisioningDetailsCommand(
        @TargetAggregateIdentifier String tenantId,
        Long expectedVersion,
        Caller caller,
        String clientName,
        String email,
        String phoneNumber,
        String industry,
        boolean partial) {

    @Override
    public String toString() {
        return "UpdateProvisioningDetailsCommand[tenantId=" + tenantId + ", partial=" + partial + ", ***]";
    }
}
