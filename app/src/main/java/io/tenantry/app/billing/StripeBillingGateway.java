package io.tenantry.app.billing;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionItemUpdateParams;
import io.tenantry.command.subscription.BillingGateway;
import io.tenantry.command.subscription.BillingUnavailableException;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.plan.Plan;
import io.tenantry.contracts.subscription.BillingLink;
import io.tenantry.contracts.subscription.BillingMode;
import io.tenantry.contracts.subscription.SubscriptionStatus;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Billing through Stripe's API with stripe-java: a customer and a subscription (one item, the plan's price) for a paid
 * plan, the item's price moved on a plan change, the subscription canceled for a free plan or a deleted tenant, and
 * its status read for reconciliation. Each write carries an idempotency key made of the step's key, so a step run
 * again gets Stripe's first answer instead of a second object. Objects carry the tenant's id as metadata.
 */
final class StripeBillingGateway implements BillingGateway {

    static final String TENANT_METADATA = "tenant_id";
    private static final Logger log = LoggerFactory.getLogger(StripeBillingGateway.class);

    private final StripeClient stripe;

    StripeBillingGateway(StripeClient stripe) {
        this.stripe = stripe;
    }

    @Override
    public BillingMode mode() {
        return BillingMode.STRIPE;
    }

    @Override
    public BillingLink start(
            String tenantId, String tenantName, Plan plan, String knownCustomerId, String operationKey) {
        if (!isPaid(plan)) {
            return BillingLink.local(knownCustomerId);
        }
        String customerId = knownCustomerId != null ? knownCustomerId : createCustomer(tenantId, tenantName);
        return subscribe(tenantId, customerId, plan, operationKey);
    }

    @Override
    public BillingLink changePlan(
            String tenantId, String tenantName, BillingLink current, Plan plan, String operationKey) {
        String customerId = current == null ? null : current.customerId();
        boolean subscribed = current != null && current.hasStripeSubscription();
        if (!isPaid(plan)) {
            if (subscribed) {
                cancelSubscription(current.subscriptionId(), operationKey);
            }
            return BillingLink.local(customerId);
        }
        if (!subscribed) {
            return start(tenantId, tenantName, plan, customerId, operationKey);
        }
        SubscriptionItem item = call(
                "move the subscription item to " + plan.stripePriceId(),
                () -> stripe.subscriptionItems()
                        .update(
                                current.itemId(),
                                SubscriptionItemUpdateParams.builder()
                                        .setPrice(plan.stripePriceId())
                                        .setProrationBehavior(
                                                SubscriptionItemUpdateParams.ProrationBehavior.CREATE_PRORATIONS)
                                        .build(),
                                idempotent("item-" + operationKey)));
        return new BillingLink(
                BillingMode.STRIPE,
                customerId,
                current.subscriptionId(),
                item.getId(),
                plan.stripePriceId(),
                current.status(),
                periodEnd(item, current.currentPeriodEnd()));
    }

    @Override
    public void cancel(String tenantId, BillingLink current, String operationKey) {
        if (current != null && current.hasStripeSubscription()) {
            cancelSubscription(current.subscriptionId(), operationKey);
        }
    }

    @Override
    public SubscriptionStatus fetchStatus(String stripeSubscriptionId) {
        Subscription subscription = call(
                "read subscription " + stripeSubscriptionId,
                () -> stripe.subscriptions().retrieve(stripeSubscriptionId));
        return SubscriptionStatus.fromStripe(subscription.getStatus())
                .orElseThrow(() ->
                        new IllegalStateException("Stripe reports a subscription status this version does not know: "
                                + subscription.getStatus()));
    }

    private String createCustomer(String tenantId, String tenantName) {
        Customer customer = call(
                "create the customer of tenant " + tenantId,
                () -> stripe.customers()
                        .create(
                                CustomerCreateParams.builder()
                                        .setName(tenantName)
                                        .putMetadata(TENANT_METADATA, tenantId)
                                        .build(),
                                idempotent("customer-" + tenantId)));
        return customer.getId();
    }

    private BillingLink subscribe(String tenantId, String customerId, Plan plan, String operationKey) {
        Subscription subscription = call(
                "subscribe tenant " + tenantId + " to " + plan.stripePriceId(),
                () -> stripe.subscriptions()
                        .create(
                                SubscriptionCreateParams.builder()
                                        .setCustomer(customerId)
                                        .addItem(SubscriptionCreateParams.Item.builder()
                                                .setPrice(plan.stripePriceId())
                                                .build())
                                        .putMetadata(TENANT_METADATA, tenantId)
                                        .build(),
                                idempotent("subscription-" + operationKey)));
        SubscriptionItem item = subscription.getItems() == null
                        || subscription.getItems().getData().isEmpty()
                ? null
                : subscription.getItems().getData().get(0);
        return new BillingLink(
                BillingMode.STRIPE,
                customerId,
                subscription.getId(),
                item == null ? null : item.getId(),
                plan.stripePriceId(),
                SubscriptionStatus.fromStripe(subscription.getStatus()).orElse(SubscriptionStatus.INCOMPLETE),
                periodEnd(item, null));
    }

    private void cancelSubscription(String subscriptionId, String operationKey) {
        try {
            call(
                    "cancel subscription " + subscriptionId,
                    () -> stripe.subscriptions().cancel(subscriptionId, idempotent("cancel-" + operationKey)));
        } catch (DomainRefusal refused) {
            // already canceled or removed at Stripe: what this step wanted
            log.warn(
                    "Stripe did not cancel subscription {}; taking it as ended: {}",
                    subscriptionId,
                    refused.getMessage());
        }
    }

    private static boolean isPaid(Plan plan) {
        return plan.stripePriceId() != null && !plan.stripePriceId().isBlank();
    }

    private static Instant periodEnd(SubscriptionItem item, Instant otherwise) {
        return item == null || item.getCurrentPeriodEnd() == null
                ? otherwise
                : Instant.ofEpochSecond(item.getCurrentPeriodEnd());
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey("tenantry-" + key).build();
    }

    /** Stripe unreachable, failing or throttling is an outage (retry later); a refused request is a refusal. */
    private static <T> T call(String what, StripeCall<T> call) {
        try {
            return call.run();
        } catch (ApiConnectionException | ApiException | RateLimitException | AuthenticationException e) {
            throw unavailable(what, e);
        } catch (StripeException e) {
            if (e.getStatusCode() != null && e.getStatusCode() >= 500) {
                throw unavailable(what, e);
            }
            String reason = e.getStripeError() != null && e.getStripeError().getMessage() != null
                    ? e.getStripeError().getMessage()
                    : "HTTP " + e.getStatusCode();
            throw DomainRefusal.conflict("stripe_refused", "Stripe refused to " + what + ": " + reason);
        }
    }

    /** Stripe's own message stays in the log: it names its internals, not the caller's problem. */
    private static BillingUnavailableException unavailable(String what, StripeException cause) {
        log.warn("Stripe could not {} (request {}): {}", what, cause.getRequestId(), cause.getMessage());
        return new BillingUnavailableException("Stripe could not be reached to " + what + ".", cause);
    }

    @FunctionalInterface
    private interface StripeCall<T> {
        T run() throws StripeException;
    }
}
