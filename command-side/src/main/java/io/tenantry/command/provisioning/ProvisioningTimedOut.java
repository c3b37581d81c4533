package io.tenantry.command.provisioning;

/** The deadline of one attempt ({@code contextId}) to build, or remove, a tenant's resources. */
record ProvisioningTimedOut(String tenantId, String contextId, boolean deprovisioning) {}
