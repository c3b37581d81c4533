package io.tenantry.contracts.webhook;

import org.axonframework.serialization.Revision;

/**
 * A webhook endpoint receives nothing until it is enabled again: disabled by hand ({@code MANUAL}, by
 * {@code disabledBy}), or by Tenantry because its deliveries kept failing ({@code FAILING}, {@code disabledBy} null).
 */
@Revision("1")
public record WebhookEndpointDisabledEvent(
        String tenantId, String endpointId, WebhookDisableReason reason, String disabledBy) {}
