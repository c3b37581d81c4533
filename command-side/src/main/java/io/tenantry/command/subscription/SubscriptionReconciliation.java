package io.tenantry.command.subscription;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.subscription.BillingMode;
import io.tenantry.contracts.subscription.ReconcileSubscriptionStatusCommand;
import io.tenantry.contracts.subscription.StatusChange;
import io.tenantry.contracts.subscription.SubscriptionStatus;
import io.tenantry.contracts.tenant.AuthorizeBillingCommand;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Pulls a subscription's status from Stripe, the source of truth ({@code reconcileSubscriptionStatus}),
 * and records it only when it differs. Stripe is asked before any aggregate is touched, so a slow or failing Stripe
 * holds no lock, and an outage changes nothing.
 */
@Component
public class SubscriptionReconciliation {

    private final CommandGateway commands;
    private final BillingAccounts accounts;
    private final BillingGateway billing;

    SubscriptionReconciliation(CommandGateway commands, BillingAccounts accounts, BillingGateway billing) {
        this.commands = commands;
        this.accounts = accounts;
        this.billing = billing;
    }

    /** The change of status, or empty when Stripe agrees (or nothing is billed by Stripe). */
    public Optional<StatusChange> reconcile(String tenantId, Caller caller) {
        try {
            commands.sendAndWait(new AuthorizeBillingCommand(tenantId, caller));
        } catch (AggregateNotFoundException e) {
            throw DomainRefusal.notFound("tenant_not_found", "No tenant with id " + tenantId + ".");
        }
        Optional<BillingAccounts.Account> account =
                accounts.byTenant(tenantId).filter(found -> found.stripeSubscriptionId() != null);
        if (account.isEmpty() || billing.mode() == BillingMode.LOCAL) {
            return Optional.empty();
        }
        SubscriptionStatus stripeStatus = billing.fetchStatus(account.get().stripeSubscriptionId());
        return Optional.ofNullable(commands.sendAndWait(new ReconcileSubscriptionStatusCommand(
                account.get().subscriptionId(),
                account.get().stripeSubscriptionId(),
                stripeStatus,
                "reconcile",
                null)));
    }
}
