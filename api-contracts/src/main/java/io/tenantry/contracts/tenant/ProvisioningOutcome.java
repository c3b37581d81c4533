package io.tenantry.contracts.tenant;

/**
 * What a provisioning callback did: {@code applied} when it moved the tenant on, {@code false} when it repeated what
 * the tenant already knew; {@code status} is the tenant's status after it.
 */
public record ProvisioningOutcome(String tenantId, boolean applied, TenantStatus status) {}
