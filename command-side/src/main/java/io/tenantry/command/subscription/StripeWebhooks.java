package io.tenantry.command.subscription;

import io.tenantry.contracts.subscription.ReconcileSubscriptionStatusCommand;
import io.tenantry.contracts.subscription.RecordInvoiceCommand;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies verified Stripe events to the subscriptions they concern, each exactly once: the event id is recorded in
 * the same transaction as the command it leads to, so a redelivery finds it and changes nothing, and a failure
 * records nothing (Stripe delivers again). Events about one customer are applied one at a time (a lock held until the
 * transaction commits): the subscription's own lock ends with its command, before the commit, so two different events
 * arriving together would otherwise collide (409, and Stripe's retry).
 */
@Component
public class StripeWebhooks {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final BillingAccounts accounts;
    private final CommandGateway commands;

    StripeWebhooks(
            JdbcTemplate jdbc, TransactionTemplate transactions, BillingAccounts accounts, CommandGateway commands) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.accounts = accounts;
        this.commands = commands;
    }

    /** What became of a delivery. */
    public enum Outcome {
        APPLIED,
        DUPLICATE,
        IGNORED,
        UNKNOWN_CUSTOMER
    }

    public Outcome apply(StripeNotice notice) {
        return transactions.execute(status -> {
            String customer = notice instanceof StripeNotice.SubscriptionNotice subscription
                    ? subscription.customerId()
                    : notice instanceof StripeNotice.InvoiceNotice invoice ? invoice.customerId() : null;
            if (customer != null) {
                jdbc.query("select pg_advisory_xact_lock(hashtext(?))", row -> {}, "stripe-customer:" + customer);
            }
            int fresh = jdbc.update("""
                    insert into stripe_event_receipt (event_id, event_type) values (?, ?) on conflict do nothing
                    """, notice.eventId(), notice.type());
            if (fresh == 0) {
                return Outcome.DUPLICATE;
            }
            if (notice instanceof StripeNotice.SubscriptionNotice subscription) {
                return forCustomer(subscription.customerId(), notice)
                        .map(account -> {
                            commands.sendAndWait(new ReconcileSubscriptionStatusCommand(
                                    account.subscriptionId(),
                                    subscription.stripeSubscriptionId(),
                                    subscription.status(),
                                    "webhook",
                                    notice.eventId()));
                            return Outcome.APPLIED;
                        })
                        .orElse(Outcome.UNKNOWN_CUSTOMER);
            }
            if (notice instanceof StripeNotice.InvoiceNotice invoice) {
                return forCustomer(invoice.customerId(), notice)
                        .map(account -> {
                            commands.sendAndWait(new RecordInvoiceCommand(
                                    account.subscriptionId(), invoice.invoice(), notice.type(), notice.eventId()));
                            return Outcome.APPLIED;
                        })
                        .orElse(Outcome.UNKNOWN_CUSTOMER);
            }
            return Outcome.IGNORED;
        });
    }

    private Optional<BillingAccounts.Account> forCustomer(String customerId, StripeNotice notice) {
        Optional<BillingAccounts.Account> account =
                customerId == null ? Optional.empty() : accounts.byStripeCustomer(customerId);
        if (account.isEmpty()) {
            log.warn(
                    "Stripe event {} ({}) is about customer {}, which bills no tenant here; acknowledged, not applied",
                    notice.eventId(),
                    notice.type(),
                    customerId);
        }
        return account;
    }
}
