package io.tenantry.contracts.webhook;

/** Why a webhook endpoint was disabled: by hand, or because its deliveries kept failing. */
public enum WebhookDisableReason {
    MANUAL,
    FAILING
}
