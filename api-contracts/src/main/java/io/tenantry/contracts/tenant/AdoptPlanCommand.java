package io.tenantry.contracts.tenant;

import io.tenantry.contracts.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * To the tenant: hold it to another plan (an OWNER or partner-admin; a plan of the catalogue, 400 otherwise; its
 * members, pending invitations and teams must fit, 409 otherwise). Answers a {@link PlanAdoption}.
 */
public record AdoptPlanCommand(@TargetAggregateIdentifier String tenantId, String planId, Caller caller) {

    /** The plan the tenant was on and is on now; {@code changed} is false when it asked for its own plan. */
    public record PlanAdoption(String fromPlanId, String toPlanId, boolean changed) {}
}
