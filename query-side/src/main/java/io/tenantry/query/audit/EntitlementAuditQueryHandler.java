package io.tenantry.query.audit;

import io.tenantry.contracts.audit.AuditQueries.EntitlementsAsOfQuery;
import io.tenantry.contracts.entitlement.EffectiveEntitlement;
import io.tenantry.contracts.entitlement.EntitlementOverride;
import io.tenantry.contracts.entitlement.EntitlementOverrideEndedEvent;
import io.tenantry.contracts.entitlement.EntitlementOverrideSetEvent;
import io.tenantry.contracts.entitlement.Entitlements;
import io.tenantry.contracts.entitlement.EntitlementsAsOf;
import io.tenantry.contracts.plan.PlanCatalogue;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import io.tenantry.contracts.tenant.TenantPlanChangedEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * A tenant's entitlements at any instant, replayed from its own stream: the plan it was on then and the overrides set
 * by then and not ended by then (an override past its deadline holds no longer, even before its end was recorded),
 * applied to the catalogue as it is configured now.
 */
@Component
class EntitlementAuditQueryHandler {

    private final TenantStreams streams;
    private final PlanCatalogue plans;

    EntitlementAuditQueryHandler(TenantStreams streams, PlanCatalogue plans) {
        this.streams = streams;
        this.plans = plans;
    }

    @QueryHandler
    Optional<EntitlementsAsOf> handle(EntitlementsAsOfQuery query) {
        List<DomainEventMessage<?>> events = streams.stream(query.tenantId());
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof TenantCreatedEvent)) {
            return Optional.empty();
        }
        String planId = null;
        Map<String, EntitlementOverride> overrides = new TreeMap<>();
        for (DomainEventMessage<?> event : events) {
            if (event.getTimestamp().isAfter(query.asOf())) {
                break;
            }
            Object payload = event.getPayload();
            if (payload instanceof TenantCreatedEvent created) {
                planId = plans.planOrDefault(created.planId()).id();
            } else if (payload instanceof TenantPlanChangedEvent changed) {
                planId = changed.toPlanId();
            } else if (payload instanceof EntitlementOverrideSetEvent set) {
                overrides.put(
                        set.key(),
                        new EntitlementOverride(
                                set.key(),
                                set.kind(),
                                set.value(),
                                set.reason(),
                                set.setBy(),
                                event.getTimestamp(),
                                set.expiresAt()));
            } else if (payload instanceof EntitlementOverrideEndedEvent ended) {
                overrides.remove(ended.key());
            }
        }
        if (planId == null) {
            return Optional.of(new EntitlementsAsOf(query.tenantId(), query.asOf(), null, List.of(), List.of()));
        }
        Map<String, EffectiveEntitlement> effective =
                Entitlements.effective(plans.planOrDefault(planId), overrides.values(), query.asOf());
        return Optional.of(new EntitlementsAsOf(
                query.tenantId(),
                query.asOf(),
                planId,
                Entitlements.features(effective),
                List.copyOf(effective.values())));
    }
}
