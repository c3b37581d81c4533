package io.tenantry.command.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;

/**
 * A webhook endpoint as a caller describes it: where to ({@code url}, https), which events ({@code eventTypes}:
 * {@code *}, {@code tenant.*}, {@code tenant.member-added}, …), and a note of its own.
 */
record WebhookEndpointRequest(
        @NotBlank String url, @NotEmpty List<String> eventTypes, String description) {}
