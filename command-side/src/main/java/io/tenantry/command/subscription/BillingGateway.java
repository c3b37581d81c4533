package io.tenantry.command.subscription;

import io.tenantry.contracts.plan.Plan;
import io.tenantry.contracts.subscription.BillingLink;
import io.tenantry.contracts.subscription.BillingMode;
import io.tenantry.contracts.subscription.PlanChangePreview;
import io.tenantry.contracts.subscription.SubscriptionStatus;
import java.time.Instant;

/**
 * Where subscriptions are billed: Stripe (through stripe-java), or nowhere ({@link LocalBillingGateway}). A plan with a
 * Stripe price is paid; others are billed nowhere even with Stripe. Every call is safe to repeat: {@code operationKey}
 * names the step (the event that asked for it), and Stripe answers a repeated request with the same key as the first,
 * because the saga that makes these calls runs a failed step again.
 */
public interface BillingGateway {

    BillingMode mode();

    /**
     * Starts billing a subscription on {@code plan}; for a paid plan, the customer (reused if known) and subscription.
     */
    BillingLink start(String tenantId, String tenantName, Plan plan, String knownCustomerId, String operationKey);

    /** Moves the billing to {@code plan}: the subscription item's price, a new subscription, or none (a free plan). */
    BillingLink changePlan(String tenantId, String tenantName, BillingLink current, Plan plan, String operationKey);

    /** Ends the billing (a Stripe subscription is canceled); nothing to do when there is none. */
    void cancel(String tenantId, BillingLink current, String operationKey);

    /**
     * Stripe's status of one of its subscriptions.
     *
     * @throws BillingUnavailableException when Stripe cannot be reached or answers with a server error
     */
    SubscriptionStatus fetchStatus(String stripeSubscriptionId);

    /**
     * What moving a Stripe subscription ({@code current}) from {@code from} to {@code to}, a plan with a Stripe price,
     * would cost with prorations from {@code at}: Stripe's own preview of its next invoice. Changes nothing.
     *
     * @throws BillingUnavailableException when Stripe cannot be reached or answers with a server error
     */
    PlanChangePreview previewPlanChange(String tenantId, BillingLink current, Plan from, Plan to, Instant at);
}
