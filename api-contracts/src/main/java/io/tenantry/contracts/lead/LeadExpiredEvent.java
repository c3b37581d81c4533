package io.tenantry.contracts.lead;

import org.axonframework.serialization.Revision;

/** The lead was not verified in time. */
@Revision("1")
public record LeadExpiredEvent(String leadId) {}
