package io.tenantry.command.provisioning;

import io.tenantry.contracts.provisioning.ProvisioningRequest;

/**
 * The event connector: where provisioning requests go for the orchestrator that
 * builds or removes a tenant's resources. Kafka by default. {@link #publish} returns once the request is stored by the
 * broker and throws otherwise, so the process that publishes it runs the step again rather than lose it.
 */
public interface ProvisioningRequests {

    void publish(ProvisioningRequest request);
}
