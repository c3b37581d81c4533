package io.tenantry.app.billing;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionItemUpdateParams;
import io.tenantry.command.subscription.BillingGateway;
import io.tenantry.command.subscription.BillingUnavailableException;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.plan.Plan;
import io.tenantry.contracts.subscription.BillingLink;
import io.tenantry.contracts.subscription.BillingMode;
import io.tenantry.contracts.subscription.PlanChangePreview;
import io.tenantry.contracts.subscription.SubscriptionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Billing through Stripe's API with stripe-java: a customer and a subscription (one item, the plan's price) for a paid
 * plan, the item's price moved on a plan change, the subscription canceled for a free plan or a deleted tenant, and
 * its status read for reconciliation, and a plan change previewed with Stripe's next invoice. Each write carries an idempotency key made of the step's key, so a step run
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

    /**
     * Stripe's preview of the subscription's next invoice with its item on the new price, prorated from {@code at}
     * ({@code create_prorations}, as the change itself): the proration lines ({@code
     * parent.subscription_item_details.proration}) give the credit (negative) and the charge; the invoice, which they
     * are added to, its amount due at the end of its period. Nothing is due at once, and Stripe's balance carries
     * what credit the prorations leave.
     */
    @Override
    public PlanChangePreview previewPlanChange(String tenantId, BillingLink current, Plan from, Plan to, Instant at) {
        InvoiceCreatePreviewParams params = InvoiceCreatePreviewParams.builder()
                .setSubscription(current.subscriptionId())
                .setSubscriptionDetails(InvoiceCreatePreviewParams.SubscriptionDetails.builder()
                        .addItem(InvoiceCreatePreviewParams.SubscriptionDetails.Item.builder()
                                .setId(current.itemId())
                                .setPrice(to.stripePriceId())
                                .build())
                        .setProrationBehavior(
                                InvoiceCreatePreviewParams.SubscriptionDetails.ProrationBehavior.CREATE_PRORATIONS)
                        .setProrationDate(at.getEpochSecond())
                        .build())
                .build();
        Invoice invoice = call("preview subscription " + current.subscriptionId() + " on " + to.stripePriceId(), () -> {
            try {
                return stripe.invoices().createPreview(params);
            } catch (InvalidRequestException e) {
                if (e.getParam() != null && e.getParam().contains("proration_date")) {
                    throw DomainRefusal.invalid(
                            "invalid_preview_instant",
                            "Stripe prorates only within the subscription's current period: " + at + " is not.");
                }
                throw e;
            }
        });
        long credit = 0;
        long charge = 0;
        List<InvoiceLineItem> lines =
                invoice.getLines() == null ? List.of() : invoice.getLines().getData();
        for (InvoiceLineItem line : lines) {
            if (isProration(line)) {
                long amount = line.getAmount() == null ? 0 : line.getAmount();
                if (amount < 0) {
                    credit += amount;
                } else {
                    charge += amount;
                }
            }
        }
        Instant periodEnd = instant(invoice.getPeriodEnd());
        return new PlanChangePreview(
                tenantId,
                from.id(),
                to.id(),
                BillingMode.STRIPE,
                at,
                invoice.getCurrency() == null ? null : invoice.getCurrency().toUpperCase(Locale.ROOT),
                instant(invoice.getPeriodStart()),
                periodEnd,
                credit,
                charge,
                0,
                Math.max(0, -(credit + charge)),
                invoice.getAmountDue() == null ? 0 : invoice.getAmountDue(),
                periodEnd);
    }

    /** A line of this change's prorations (Stripe's advice: not those of pending invoice items). */
    private static boolean isProration(InvoiceLineItem line) {
        return line.getParent() != null
                && line.getParent().getSubscriptionItemDetails() != null
                && Boolean.TRUE.equals(
                        line.getParent().getSubscriptionItemDetails().getProration());
    }

    private static Instant instant(Long epochSecond) {
        return epochSecond == null ? null : Instant.ofEpochSecond(epochSecond);
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
