package io.tenantry.contracts.tenant;

import org.axonframework.serialization.Revision;

/** A deleted tenant is back, in the status it had, with its slug claimed again. */
@Revision("1")
public record TenantRestoredEvent(String tenantId, String slug, TenantStatus status) {}
