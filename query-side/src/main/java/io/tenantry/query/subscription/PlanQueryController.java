package io.tenantry.query.subscription;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.plan.Plan;
import io.tenantry.contracts.plan.PlanCatalogue;
import io.tenantry.contracts.plan.PlanView;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The plan catalogue (configuration, {@code tenantry.plans}), with the plan new tenants start on marked. */
@RestController
class PlanQueryController {

    private final PlanCatalogue plans;

    PlanQueryController(PlanCatalogue plans) {
        this.plans = plans;
    }

    @Operation(summary = "List the plan catalogue")
    @GetMapping("/api/plans")
    List<PlanView> plans() {
        String defaultPlan = plans.defaultPlan().id();
        return plans.plans().stream()
                .map(plan -> view(plan, plan.id().equals(defaultPlan)))
                .toList();
    }

    private static PlanView view(Plan plan, boolean isDefault) {
        boolean paid = plan.stripePriceId() != null
                && plan.price() != null
                && plan.price().compareTo(BigDecimal.ZERO) > 0;
        return new PlanView(
                plan.id(),
                plan.name(),
                plan.price(),
                plan.currency(),
                plan.interval(),
                plan.maxMembers(),
                plan.maxTeams(),
                paid,
                isDefault,
                plan.entitlements());
    }
}
