package io.tenantry.command.tenant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.plan.Plan;
import io.tenantry.contracts.plan.PlanCatalogue;
import io.tenantry.contracts.tenant.AdoptPlanCommand;
import io.tenantry.contracts.tenant.AuthorizeBillingCommand;
import io.tenantry.contracts.tenant.TenantPlanChangedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * A tenant's plan, as an entity of the Tenant aggregate: the limits its members, pending invitations and teams are
 * held to. Only an OWNER or a partner-admin changes it; the subscription records the change in the same transaction.
 */
class TenantPlan {

    private final Roster roster;

    TenantPlan(Roster roster) {
        this.roster = roster;
    }

    /** Holds the tenant to another plan's limits, if its members (pending invitations included) and teams fit. */
    @CommandHandler
    AdoptPlanCommand.PlanAdoption handle(AdoptPlanCommand command, PlanCatalogue plans) {
        roster.requireOwner(command.caller(), "Only an OWNER changes the tenant's plan.");
        Plan plan = known(plans, command.planId());
        String current = plans.planOrDefault(roster.planId()).id();
        if (plan.id().equals(current)) {
            return new AdoptPlanCommand.PlanAdoption(current, current, false);
        }
        roster.requireFits(plan);
        apply(new TenantPlanChangedEvent(roster.tenantId(), current, plan.id()));
        return new AdoptPlanCommand.PlanAdoption(current, plan.id(), true);
    }

    /** Billing (reconciling with Stripe) is for an OWNER or a partner-admin; refuses anyone else, changes nothing. */
    @CommandHandler
    void handle(AuthorizeBillingCommand command) {
        roster.requireOwner(command.caller(), "Only an OWNER manages the tenant's billing.");
    }

    /** The plan of that id in the catalogue; 400 {@code unknown_plan} naming the plans there are. */
    static Plan known(PlanCatalogue plans, String planId) {
        return plans.find(planId)
                .orElseThrow(() -> DomainRefusal.invalid(
                        "unknown_plan",
                        "There is no plan '" + planId + "'; the plans are "
                                + plans.plans().stream().map(Plan::id).toList() + "."));
    }

    @EventSourcingHandler
    void on(TenantPlanChangedEvent event) {
        roster.planChanged(event.toPlanId());
    }
}
