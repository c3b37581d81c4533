package io.tenantry.command.subscription;

import io.tenantry.contracts.subscription.BillingLink;
import io.tenantry.contracts.subscription.SubscriptionBillingLinkedEvent;
import io.tenantry.contracts.subscription.SubscriptionStartedEvent;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which Stripe customer and subscription bill each tenant ({@code billing_account}), kept in the transaction of the
 * subscription's events (a subscribing processor): webhooks find their tenant by Stripe customer, reconciliation its
 * Stripe subscription, both without a read model's delay.
 */
@Component
@ProcessingGroup(BillingLookups.PROCESSING_GROUP)
public class BillingAccounts {

    private final JdbcTemplate jdbc;

    BillingAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A tenant's subscription and its current Stripe subscription, if any. */
    public record Account(
            String tenantId, String subscriptionId, String stripeCustomerId, String stripeSubscriptionId) {}

    @EventHandler
    void on(SubscriptionStartedEvent event) {
        link(event.tenantId(), event.subscriptionId(), event.billing());
    }

    @EventHandler
    void on(SubscriptionBillingLinkedEvent event) {
        link(event.tenantId(), event.subscriptionId(), event.billing());
    }

    public Optional<Account> byTenant(String tenantId) {
        return jdbc
                .query(
                        "select * from billing_account where tenant_id = ?",
                        (rs, i) -> new Account(
                                rs.getString("tenant_id"),
                                rs.getString("subscription_id"),
                                rs.getString("stripe_customer_id"),
                                rs.getString("stripe_subscription_id")),
                        tenantId)
                .stream()
                .findFirst();
    }

    public Optional<Account> byStripeCustomer(String customerId) {
        return jdbc
                .query(
                        "select * from billing_account where stripe_customer_id = ?",
                        (rs, i) -> new Account(
                                rs.getString("tenant_id"),
                                rs.getString("subscription_id"),
                                rs.getString("stripe_customer_id"),
                                rs.getString("stripe_subscription_id")),
                        customerId)
                .stream()
                .findFirst();
    }

    private void link(String tenantId, String subscriptionId, BillingLink billing) {
        jdbc.update(
                """
                insert into billing_account (tenant_id, subscription_id, stripe_customer_id, stripe_subscription_id)
                values (?, ?, ?, ?) on conflict (tenant_id) do update
                set stripe_customer_id = excluded.stripe_customer_id,
                    stripe_subscription_id = excluded.stripe_subscription_id""",
                tenantId,
                subscriptionId,
                billing.customerId(),
                billing.hasStripeSubscription() ? billing.subscriptionId() : null);
    }
}
