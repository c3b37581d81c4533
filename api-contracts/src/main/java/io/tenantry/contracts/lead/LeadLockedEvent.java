package io.tenantry.contracts.lead;

import org.axonframework.serialization.Revision;

/** Too many wrong codes: the lead can no longer be verified. */
@Revision("1")
public record LeadLockedEvent(String leadId) {}
