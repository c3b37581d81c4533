package io.tenantry.contracts.provisioning;

import io.tenantry.contracts.tenant.TenantTier;
import java.time.Instant;

/**
 * What Tenantry asks of the orchestrator that builds (type 0) or removes (type 1) a tenant's resources, published on
 * the provisioning topic keyed by tenant id. The orchestrator answers on {@code POST /api/webhooks/provisioning} with
 * {@code initiatorId} = {@code tenantId} and the same {@code type}, signed with {@code contextId} (HMAC-SHA256 of body
 * +
 * contextId + timestamp). A request can arrive twice: {@code contextId} names the attempt, so repeats are recognised.
 * No personal data.
 */
public record ProvisioningRequest(
        int type, String tenantId, String slug, TenantTier tier, String planId, String contextId, Instant requestedAt) {

    public static final int PROVISION = 0;
    public static final int DEPROVISION = 1;
}
