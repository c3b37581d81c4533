package io.tenantry.contracts.apikey;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An OWNER or ADMIN revokes a key of the tenant: it authenticates nothing from then on. */
public record RevokeApiKeyCommand(@TargetAggregateIdentifier String tenantId, String keyId, Caller caller) {}
