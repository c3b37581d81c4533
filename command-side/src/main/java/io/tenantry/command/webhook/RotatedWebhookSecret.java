package io.tenantry.command.webhook;

import java.time.Instant;

/** A new signing secret, shown this once; the previous one signs too until {@code previousSecretValidUntil}. */
record RotatedWebhookSecret(String secret, Instant previousSecretValidUntil) {}
