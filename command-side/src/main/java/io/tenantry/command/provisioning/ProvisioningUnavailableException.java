package io.tenantry.command.provisioning;

/** Provisioning cannot be done here as configured (no webhook secret); the web layer answers 503. */
public class ProvisioningUnavailableException extends RuntimeException {

    public ProvisioningUnavailableException(String message) {
        super(message);
    }
}
