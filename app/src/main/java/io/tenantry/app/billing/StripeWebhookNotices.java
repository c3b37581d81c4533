package io.tenantry.app.billing;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.EventDataObjectDeserializer;
import com.stripe.model.Invoice;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.net.Webhook;
import io.tenantry.command.subscription.BillingUnavailableException;
import io.tenantry.command.subscription.StripeNotice;
import io.tenantry.command.subscription.StripeNotices;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.subscription.InvoiceData;
import io.tenantry.contracts.subscription.InvoiceStatus;
import io.tenantry.contracts.subscription.SubscriptionStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a Stripe webhook delivery with stripe-java's {@link Webhook} (HMAC of the timestamped payload, within the
 * tolerance) and reads the subscription or invoice it carries. An object of another API version than stripe-java's is
 * still read, leniently.
 */
final class StripeWebhookNotices implements StripeNotices {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookNotices.class);
    private static final Set<String> SUBSCRIPTION_EVENTS =
            Set.of("customer.subscription.updated", "customer.subscription.deleted");
    private static final Set<String> INVOICE_EVENTS =
            Set.of("invoice.created", "invoice.paid", "invoice.payment_failed", "invoice.voided");

    private final String secret;
    private final long toleranceSeconds;

    StripeWebhookNotices(String secret, long toleranceSeconds) {
        this.secret = secret;
        this.toleranceSeconds = toleranceSeconds;
    }

    @Override
    public StripeNotice read(String payload, String signatureHeader) {
        if (secret == null) {
            throw new BillingUnavailableException(
                    "Stripe webhooks are not configured here (tenantry.stripe.webhook-secret): "
                            + "nothing can be verified, so nothing is accepted.",
                    null);
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw DomainRefusal.invalid("invalid_signature", "A Stripe webhook needs its Stripe-Signature header.");
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signatureHeader, secret, toleranceSeconds);
        } catch (SignatureVerificationException e) {
            throw DomainRefusal.invalid(
                    "invalid_signature",
                    "The Stripe-Signature does not verify with this endpoint's secret, or is too old.");
        } catch (RuntimeException e) {
            throw DomainRefusal.invalid("malformed_event", "The webhook body is not a Stripe event.");
        }
        if (event.getId() == null || event.getType() == null) {
            throw DomainRefusal.invalid("malformed_event", "The webhook body is not a Stripe event.");
        }
        if (SUBSCRIPTION_EVENTS.contains(event.getType())) {
            return object(event, Subscription.class)
                    .<StripeNotice>map(subscription -> {
                        Optional<SubscriptionStatus> status = "customer.subscription.deleted".equals(event.getType())
                                ? Optional.of(SubscriptionStatus.CANCELED)
                                : SubscriptionStatus.fromStripe(subscription.getStatus());
                        return status.<StripeNotice>map(known -> new StripeNotice.SubscriptionNotice(
                                        event.getId(),
                                        event.getType(),
                                        subscription.getCustomer(),
                                        subscription.getId(),
                                        known))
                                .orElseGet(() -> new StripeNotice.OtherNotice(event.getId(), event.getType()));
                    })
                    .orElseGet(() -> new StripeNotice.OtherNotice(event.getId(), event.getType()));
        }
        if (INVOICE_EVENTS.contains(event.getType())) {
            return object(event, Invoice.class)
                    .<StripeNotice>map(invoice -> new StripeNotice.InvoiceNotice(
                            event.getId(), event.getType(), invoice.getCustomer(), invoice(invoice, event.getType())))
                    .orElseGet(() -> new StripeNotice.OtherNotice(event.getId(), event.getType()));
        }
        return new StripeNotice.OtherNotice(event.getId(), event.getType());
    }

    private static InvoiceData invoice(Invoice invoice, String type) {
        InvoiceStatus status = InvoiceStatus.fromStripe(invoice.getStatus()).orElseGet(() -> switch (type) {
            case "invoice.paid" -> InvoiceStatus.PAID;
            case "invoice.voided" -> InvoiceStatus.VOID;
            default -> InvoiceStatus.OPEN;
        });
        return new InvoiceData(
                invoice.getId(),
                invoice.getNumber(),
                orZero(invoice.getAmountDue()),
                orZero(invoice.getAmountPaid()),
                invoice.getCurrency(),
                instant(invoice.getPeriodStart()),
                instant(invoice.getPeriodEnd()),
                status,
                invoice.getHostedInvoiceUrl());
    }

    private static <T extends StripeObject> Optional<T> object(Event event, Class<T> type) {
        EventDataObjectDeserializer data = event.getDataObjectDeserializer();
        StripeObject object = data.getObject().orElse(null);
        if (object == null) {
            try {
                object = data.deserializeUnsafe();
            } catch (EventDataObjectDeserializationException e) {
                log.warn(
                        "Stripe event {} ({}) carries an object that cannot be read: {}",
                        event.getId(),
                        event.getType(),
                        e.getMessage());
                return Optional.empty();
            }
        }
        return type.isInstance(object) ? Optional.of(type.cast(object)) : Optional.empty();
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static Instant instant(Long epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
    }
}
