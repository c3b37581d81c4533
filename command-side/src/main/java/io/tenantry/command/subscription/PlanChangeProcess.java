package io.tenantry.command.subscription;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.subscription.BillingMode;
import io.tenantry.contracts.subscription.ChangePlanCommand;
import io.tenantry.contracts.subscription.ChangeSubscriptionPlanCommand;
import io.tenantry.contracts.subscription.PlanChange;
import io.tenantry.contracts.subscription.SubscriptionIds;
import io.tenantry.contracts.tenant.AdoptPlanCommand;
import java.time.temporal.ChronoUnit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * A plan change in one unit of work and one transaction: the tenant decides (the caller's role, a known plan, members
 * and teams that fit) and takes the new limits, and the subscription records the change with its actor and reason.
 * Both streams get their event or neither does; Stripe follows after the commit ({@link SubscriptionSaga}), while local
 * billing has the subscription invoice the change with it.
 * The tenant is locked first here and nowhere locked before a subscription, so two processes never wait on each other.
 */
@Component
class PlanChangeProcess {

    private final CommandGateway commands;
    private final BillingGateway billing;

    PlanChangeProcess(CommandGateway commands, BillingGateway billing) {
        this.commands = commands;
        this.billing = billing;
    }

    @CommandHandler
    PlanChange handle(ChangePlanCommand command) {
        AdoptPlanCommand.PlanAdoption adoption;
        try {
            adoption =
                    commands.sendAndWait(new AdoptPlanCommand(command.tenantId(), command.planId(), command.caller()));
        } catch (AggregateNotFoundException e) {
            throw DomainRefusal.notFound("tenant_not_found", "No tenant with id " + command.tenantId() + ".");
        }
        try {
            return commands.sendAndWait(new ChangeSubscriptionPlanCommand(
                    SubscriptionIds.of(command.tenantId()),
                    adoption.toPlanId(),
                    command.caller().userId(),
                    command.reason(),
                    command.requestedAt().truncatedTo(ChronoUnit.MILLIS),
                    billing.mode() == BillingMode.LOCAL));
        } catch (AggregateNotFoundException e) {
            throw DomainRefusal.conflict(
                    "subscription_not_ready",
                    "The tenant's subscription is still being set up; try again in a moment.");
        }
    }
}
