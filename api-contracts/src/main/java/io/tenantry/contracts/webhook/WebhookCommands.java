package io.tenantry.contracts.webhook;

import io.tenantry.contracts.Caller;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands on webhook endpoints: a tenant's go to its Tenant aggregate (by {@code tenantId}), the platform's to
 * the endpoint's own aggregate (by {@code endpointId}). A new or rotated {@code secret} travels in its command to the
 * endpoint's sealed store, never into an event; the commands' text leaves it out.
 */
public final class WebhookCommands {

    private WebhookCommands() {}

    /** Answers when the endpoint was created. */
    public record CreateTenantWebhookCommand(
            @TargetAggregateIdentifier String tenantId,
            String endpointId,
            String url,
            List<String> eventTypes,
            String description,
            String secret,
            Caller caller) {
        @Override
        public String toString() {
            return "CreateTenantWebhookCommand[tenantId=" + tenantId + ", endpointId=" + endpointId + "]";
        }
    }

    public record UpdateTenantWebhookCommand(
            @TargetAggregateIdentifier String tenantId,
            String endpointId,
            String url,
            List<String> eventTypes,
            String description,
            Caller caller) {}

    public record RotateTenantWebhookSecretCommand(
            @TargetAggregateIdentifier String tenantId,
            String endpointId,
            String secret,
            Instant previousSecretValidUntil,
            Caller caller) {
        @Override
        public String toString() {
            return "RotateTenantWebhookSecretCommand[tenantId=" + tenantId + ", endpointId=" + endpointId + "]";
        }
    }

    /** {@code enabled}: enable (true) or disable by hand (false); no change when it already is so. */
    public record SetTenantWebhookEnabledCommand(
            @TargetAggregateIdentifier String tenantId, String endpointId, boolean enabled, Caller caller) {}

    public record DeleteTenantWebhookCommand(
            @TargetAggregateIdentifier String tenantId, String endpointId, Caller caller) {}

    /** Changes nothing: refuses whoever may not manage the tenant's webhooks (before a resend or a replay). */
    public record AuthorizeTenantWebhookCommand(
            @TargetAggregateIdentifier String tenantId, String endpointId, Caller caller) {}

    /** Tenantry's own: the endpoint's deliveries kept failing; answers whether it was enabled until now. */
    public record DisableFailingTenantWebhookCommand(
            @TargetAggregateIdentifier String tenantId, String endpointId) {}

    /** Answers when the endpoint was created. */
    public record CreatePlatformWebhookCommand(
            @TargetAggregateIdentifier String endpointId,
            String url,
            List<String> eventTypes,
            String description,
            String secret,
            Caller caller) {
        @Override
        public String toString() {
            return "CreatePlatformWebhookCommand[endpointId=" + endpointId + "]";
        }
    }

    public record UpdatePlatformWebhookCommand(
            @TargetAggregateIdentifier String endpointId,
            String url,
            List<String> eventTypes,
            String description,
            Caller caller) {}

    public record RotatePlatformWebhookSecretCommand(
            @TargetAggregateIdentifier String endpointId,
            String secret,
            Instant previousSecretValidUntil,
            Caller caller) {
        @Override
        public String toString() {
            return "RotatePlatformWebhookSecretCommand[endpointId=" + endpointId + "]";
        }
    }

    public record SetPlatformWebhookEnabledCommand(
            @TargetAggregateIdentifier String endpointId, boolean enabled, Caller caller) {}

    public record DeletePlatformWebhookCommand(
            @TargetAggregateIdentifier String endpointId, Caller caller) {}

    /** Tenantry's own: the endpoint's deliveries kept failing; answers whether it was enabled until now. */
    public record DisableFailingPlatformWebhookCommand(
            @TargetAggregateIdentifier String endpointId) {}
}
