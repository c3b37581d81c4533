package io.tenantry.command.subscription;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.subscription.ChangePlanCommand;
import io.tenantry.contracts.subscription.PlanChange;
import io.tenantry.contracts.subscription.PlanChangePreview;
import io.tenantry.contracts.subscription.StatusChange;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's plan, what changing it would cost, and its reconciliation with Stripe; and Stripe's webhook. */
@RestController
@RequestMapping("/api")
class SubscriptionCommandController {

    private final CommandGateway commands;
    private final SubscriptionReconciliation reconciliation;
    private final StripeNotices notices;
    private final StripeWebhooks webhooks;
    private final PlanChangePreviews previews;

    SubscriptionCommandController(
            CommandGateway commands,
            SubscriptionReconciliation reconciliation,
            StripeNotices notices,
            StripeWebhooks webhooks,
            PlanChangePreviews previews) {
        this.commands = commands;
        this.reconciliation = reconciliation;
        this.notices = notices;
        this.webhooks = webhooks;
        this.previews = previews;
    }

    /** An OWNER or partner-admin moves the tenant to a plan; the current plan again answers {@code changed: false}. */
    @Operation(summary = "Change a tenant's plan")
    @PutMapping("/tenants/{tenantId}/subscription/plan")
    PlanChange changePlan(@PathVariable String tenantId, @Valid @RequestBody PlanRequest request, Caller caller) {
        return commands.sendAndWait(
                new ChangePlanCommand(tenantId, request.planId(), request.reason(), caller, Instant.now()));
    }

    /**
     * What moving to a plan would cost at {@code at} (now when absent), for the same callers as a change; changes
     * nothing. Amounts in the currency's minor units.
     */
    @Operation(summary = "Preview what a plan change would cost")
    @PostMapping("/tenants/{tenantId}/subscription/preview")
    PlanChangePreview preview(
            @PathVariable String tenantId, @Valid @RequestBody PreviewRequest request, Caller caller) {
        return previews.preview(tenantId, request.planId(), request.at(), caller);
    }

    /** 200 with {@code {from, to}} when Stripe had another status, 204 when it agrees; 503 when Stripe is out. */
    @Operation(summary = "Reconcile a subscription's status with Stripe")
    @PostMapping("/tenants/{tenantId}/subscription/reconcile")
    ResponseEntity<StatusChange> reconcile(@PathVariable String tenantId, Caller caller) {
        return reconciliation
                .reconcile(tenantId, caller)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    /** Stripe's events, verified by their {@code Stripe-Signature}; each applied once however often delivered. */
    @Operation(summary = "Receive a Stripe webhook event")
    @PostMapping("/webhooks/stripe")
    Map<String, Object> stripe(
            @RequestBody String payload, @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        StripeNotice notice = notices.read(payload, signature);
        StripeWebhooks.Outcome outcome = webhooks.apply(notice);
        return Map.of(
                "received",
                true,
                "eventId",
                notice.eventId(),
                "outcome",
                outcome.name().toLowerCase());
    }

    record PlanRequest(
            @NotBlank @Size(max = 64) String planId,
            @Size(max = 500) String reason) {}

    record PreviewRequest(@NotBlank @Size(max = 64) String planId, Instant at) {}
}
