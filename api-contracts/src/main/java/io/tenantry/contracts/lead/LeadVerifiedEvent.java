package io.tenantry.contracts.lead;

import org.axonframework.serialization.Revision;

/** The lead proved it owns its e-mail address. */
@Revision("1")
public record LeadVerifiedEvent(String leadId) {}
