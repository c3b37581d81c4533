package io.tenantry.command.provisioning;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code tenantry.provisioning.auto-start} (default true): a new (or restored, resource-less) tenant is provisioned
 * without anyone asking; {@code tenantry.provisioning.timeout} (default 30 min): how long the orchestrator may take to
 * answer an attempt before it counts as failed.
 */
@Component
public class ProvisioningSettings {

    private final boolean autoStart;
    private final Duration timeout;

    ProvisioningSettings(
            @Value("${tenantry.provisioning.auto-start:true}") boolean autoStart,
            @Value("${tenantry.provisioning.timeout:30m}") Duration timeout) {
        this.autoStart = autoStart;
        this.timeout = timeout;
    }

    public boolean autoStart() {
        return autoStart;
    }

    public Duration timeout() {
        return timeout;
    }
}
