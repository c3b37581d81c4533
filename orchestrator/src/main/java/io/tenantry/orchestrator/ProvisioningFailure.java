package io.tenantry.orchestrator;

/** A request that cannot be carried out: answered as a failure, with {@link #reason} as its code. */
public class ProvisioningFailure extends RuntimeException {

    private final String reason;

    public ProvisioningFailure(String reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
