package io.tenantry.projections.dashboard;

import io.tenantry.contracts.dashboard.DashboardQueries.ProvisioningFailure;
import io.tenantry.contracts.tenant.TenantDeprovisioningFailedEvent;
import io.tenantry.contracts.tenant.TenantProvisioningFailedEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Builds {@link ProvisioningFailures} from the Tenant aggregate's failure events (tracking processor
 * {@value #PROCESSING_GROUP}). A read model rather than a scan of the event store: failures are rare, so finding the
 * newest ones in the store would read far back through everything else.
 */
@Component
@ProcessingGroup(ProvisioningFailureProjection.PROCESSING_GROUP)
class ProvisioningFailureProjection {

    static final String PROCESSING_GROUP = "provisioning-failures";

    private final ProvisioningFailures failures;

    ProvisioningFailureProjection(ProvisioningFailures failures) {
        this.failures = failures;
    }

    @EventHandler
    void on(TenantProvisioningFailedEvent event, EventMessage<?> message, @Timestamp Instant at) {
        failures.record(
                message.getIdentifier(), event.tenantId(), ProvisioningFailure.PROVISIONING, event.reason(), at);
    }

    @EventHandler
    void on(TenantDeprovisioningFailedEvent event, EventMessage<?> message, @Timestamp Instant at) {
        failures.record(
                message.getIdentifier(), event.tenantId(), ProvisioningFailure.DEPROVISIONING, event.reason(), at);
    }

    @ResetHandler
    void reset() {
        failures.deleteAll();
    }
}
