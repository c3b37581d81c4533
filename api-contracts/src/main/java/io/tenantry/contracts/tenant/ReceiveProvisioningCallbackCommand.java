package io.tenantry.contracts.tenant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The orchestrator's answer on the signed webhook, as received: the tenant checks the signature against its own
 * attempt ({@code payload + contextId + timestamp}, HMAC-SHA256) before it believes a word of it.
 *
 * @param deprovisioning type 1 (resources removed) rather than type 0 (resources built)
 * @param success        {@code "status": "success"} rather than {@code "failure"}
 * @param payload        the raw request body, exactly as signed
 * @param signature      the {@code x-signature} header (hex)
 * @param timestamp      the {@code x-timestamp} header (epoch milliseconds, as sent)
 * @param reason         the orchestrator's code for a failure ({@code "reason"}, optional), or null
 */
public record ReceiveProvisioningCallbackCommand(
        @TargetAggregateIdentifier String tenantId,
        boolean deprovisioning,
        boolean success,
        String payload,
        String signature,
        String timestamp,
        String reason) {

    public ReceiveProvisioningCallbackCommand(
            String tenantId,
            boolean deprovisioning,
            boolean success,
            String payload,
            String signature,
            String timestamp) {
        this(tenantId, deprovisioning, success, payload, signature, timestamp, null);
    }

    @Override
    public String toString() {
        return "ReceiveProvisioningCallbackCommand[tenantId=" + tenantId + ", deprovisioning=" + deprovisioning
                + ", success=" + success + "]";
    }
}
