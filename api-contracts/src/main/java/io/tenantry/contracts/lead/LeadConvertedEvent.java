package io.tenantry.contracts.lead;

import org.axonframework.serialization.Revision;

/** The lead became tenant {@code tenantId} (in the same transaction as the tenant's creation). */
@Revision("1")
public record LeadConvertedEvent(String leadId, String tenantId) {}
