package io.tenantry.command.subscription;

import io.tenantry.contracts.plan.Plan;
import io.tenantry.contracts.subscription.BillingLink;
import io.tenantry.contracts.subscription.BillingMode;
import io.tenantry.contracts.subscription.PlanChangePreview;
import io.tenantry.contracts.subscription.SubscriptionStatus;
import java.time.Instant;

/**
 * Billing without Stripe (no API key configured, as on the embedded default): subscriptions, plan changes and
 * cancellations are recorded with the same events, every subscription is ACTIVE, and nothing is charged. Plan changes
 * are invoiced by the subscription itself, by {@link Proration}'s rules.
 */
public final class LocalBillingGateway implements BillingGateway {

    @Override
    public BillingMode mode() {
        return BillingMode.LOCAL;
    }

    @Override
    public BillingLink start(
            String tenantId, String tenantName, Plan plan, String knownCustomerId, String operationKey) {
        return BillingLink.local(knownCustomerId);
    }

    @Override
    public BillingLink changePlan(
            String tenantId, String tenantName, BillingLink current, Plan plan, String operationKey) {
        return BillingLink.local(current == null ? null : current.customerId());
    }

    @Override
    public void cancel(String tenantId, BillingLink current, String operationKey) {
        // nothing is billed, so nothing to stop
    }

    @Override
    public SubscriptionStatus fetchStatus(String stripeSubscriptionId) {
        throw new IllegalStateException(
                "billing runs locally: there is no Stripe subscription " + stripeSubscriptionId);
    }

    @Override
    public PlanChangePreview previewPlanChange(String tenantId, BillingLink current, Plan from, Plan to, Instant at) {
        throw new IllegalStateException("billing runs locally: Tenantry prices the change of tenant " + tenantId);
    }
}
