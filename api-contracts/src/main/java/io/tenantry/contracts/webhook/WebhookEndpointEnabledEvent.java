package io.tenantry.contracts.webhook;

import org.axonframework.serialization.Revision;

/** A disabled webhook endpoint receives events again (the deliveries held back while it was disabled included). */
@Revision("1")
public record WebhookEndpointEnabledEvent(String tenantId, String endpointId, String enabledBy) {}
