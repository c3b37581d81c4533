package io.tenantry.command.subscription;

import io.tenantry.contracts.DomainRefusal;
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
 * Both streams get their event or neither does; Stripe follows after the commit ({@link SubscriptionSaga}).
 * The tenant is locked first here and nowhere locked before a subscription, so two processes never wait on each other.
 */
@Component
class PlanChangeProcess {

    private final CommandGateway commands;

    PlanChangeProcess(CommandGateway commands) {
        this.commands = commands;
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
                    command.requestedAt().truncatedTo(ChronoUnit.MILLIS)));
        } catch (AggregateNotFoundException e) {
            throw DomainRefusal.conflict(
                    "subscription_not_ready",
                    "The tenant's subscription is still being set up; try again in a moment.");
        }
    }
}
