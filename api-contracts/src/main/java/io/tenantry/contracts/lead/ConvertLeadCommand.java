package io.tenantry.contracts.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Mark a verified lead as becoming tenant {@code tenantId}; answers its {@link LeadContact} for the tenant. */
public record ConvertLeadCommand(@TargetAggregateIdentifier String leadId, String tenantId) {}
