package io.tenantry.command.tenant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.entitlement.Entitlements;
import io.tenantry.contracts.plan.Plan;
import io.tenantry.contracts.plan.PlanCatalogue;
import io.tenantry.contracts.tenant.AdoptPlanCommand;
import io.tenantry.contracts.tenant.AuthorizeBillingCommand;
import io.tenantry.contracts.tenant.TenantPlanChangedEvent;
import java.time.Instant;
import java.util.Map;
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
        requireFits(roster, plan);
        Instant now = Roster.now();
        Map<String, Long> before = Entitlements.values(roster.entitlements(plans.planOrDefault(current), now));
        apply(new TenantPlanChangedEvent(roster.tenantId(), current, plan.id()));
        TenantEntitlements.announce(roster, plan, before, Roster.now(), "plan-changed");
        return new AdoptPlanCommand.PlanAdoption(current, plan.id(), true);
    }

    /** Billing (reconciling with Stripe) is for an OWNER or a partner-admin; refuses anyone else, changes nothing. */
    @CommandHandler
    void handle(AuthorizeBillingCommand command) {
        roster.requireOwner(command.caller(), "Only an OWNER manages the tenant's billing.");
    }

    /** Room for one more member under the plan: members and seats held for pending invitations both count. */
    static void requireRoomForMember(Roster roster, PlanCatalogue plans) {
        int members = roster.memberCount();
        int held = roster.heldSeatCount();
        requireRoom(
                roster,
                plans,
                "members",
                members + held,
                Plan.MEMBERS,
                held == 0 ? "" : " (" + members + " members and " + held + " pending invitations)");
    }

    /** Room for one more team under the plan. */
    static void requireRoomForTeam(Roster roster, PlanCatalogue plans) {
        requireRoom(roster, plans, "teams", roster.teamCount(), Plan.TEAMS, "");
    }

    /**
     * The tenant, as it is, fits in {@code plan}: a smaller plan cannot leave members or teams over its limits (the
     * tenant's overrides of them, where they hold, still do under the new plan).
     */
    private static void requireFits(Roster roster, Plan plan) {
        int members = roster.memberCount();
        int held = roster.heldSeatCount();
        int teams = roster.teamCount();
        long maxMembers = roster.limit(plan, Plan.MEMBERS);
        long maxTeams = roster.limit(plan, Plan.TEAMS);
        if (members + held > maxMembers || teams > maxTeams) {
            throw new DomainRefusal(
                    DomainRefusal.Kind.CONFLICT,
                    "plan_too_small",
                    "The " + plan.name()
                            + " plan allows " + maxMembers + " members and " + maxTeams
                            + " teams; this tenant has "
                            + members + " members, " + held + " pending invitations and " + teams
                            + " teams. Remove some first.",
                    Map.of(
                            "planId",
                            plan.id(),
                            "members",
                            members,
                            "pendingInvitations",
                            held,
                            "teams",
                            teams,
                            "maxMembers",
                            maxMembers,
                            "maxTeams",
                            maxTeams));
        }
    }

    /**
     * Room for one more under the tenant's plan (the default plan while it has none), or the tenant's override of
     * that limit where one holds.
     */
    static void requireRoom(
            Roster roster, PlanCatalogue plans, String what, int current, String limitKey, String breakdown) {
        Plan plan = plans.planOrDefault(roster.planId());
        long limit = roster.limit(plan, limitKey);
        if (current >= limit) {
            throw new DomainRefusal(
                    DomainRefusal.Kind.CONFLICT,
                    "plan_limit_reached",
                    "The " + plan.name()
                            + " plan allows " + limit + " " + what + "; this tenant has " + current + breakdown
                            + ". Choose a larger plan first.",
                    Map.of("planId", plan.id(), "resource", what, "limit", limit));
        }
    }

    /** The plan of that id in the catalogue; 400 {@code unknown_plan} naming the plans there are. */
    static Plan known(PlanCatalogue plans, String planId) {
        return plans.known(planId);
    }

    @EventSourcingHandler
    void on(TenantPlanChangedEvent event) {
        roster.planChanged(event.toPlanId());
    }
}
