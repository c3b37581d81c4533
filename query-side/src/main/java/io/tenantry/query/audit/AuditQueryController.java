package io.tenantry.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.PageRequest;
import io.tenantry.contracts.audit.AuditQueries.EntitlementsAsOfQuery;
import io.tenantry.contracts.audit.AuditQueries.PlanAsOfQuery;
import io.tenantry.contracts.audit.AuditQueries.PlanChangesQuery;
import io.tenantry.contracts.audit.AuditQueries.TenantDiffQuery;
import io.tenantry.contracts.audit.EventHistoryPage;
import io.tenantry.contracts.audit.PlanAsOf;
import io.tenantry.contracts.audit.PlanChangePage;
import io.tenantry.contracts.audit.TenantDiff;
import io.tenantry.contracts.audit.TenantEventHistoryQuery;
import io.tenantry.contracts.entitlement.EntitlementsAsOf;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Audit reads for {@code partner-admin} (see the security route table), replayed from the event store. */
@RestController
@RequestMapping("/api/audit/tenants")
class AuditQueryController {

    private final QueryGateway queries;

    AuditQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    /** The tenant's full history: its own events and those of its subscription, invitations and lead, oldest first. */
    @Operation(summary = "A tenant's event history from the event store")
    @GetMapping("/{tenantId}/events")
    EventHistoryPage events(
            @PathVariable String tenantId,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return found(
                tenantId,
                queries.query(
                                new TenantEventHistoryQuery(tenantId, new PageRequest(offset, limit)),
                                ResponseTypes.optionalInstanceOf(EventHistoryPage.class))
                        .join());
    }

    /**
     * Every plan change with its actor, reason, time and request; with {@code asOf}, the plan in force at that
     * instant instead (404 before the tenant existed).
     */
    @Operation(summary = "A tenant's plan changes, or the plan in force at an instant")
    @GetMapping("/{tenantId}/plan-changes")
    Object planChanges(
            @PathVariable String tenantId,
            @RequestParam(required = false) Instant asOf,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        if (asOf != null) {
            PlanAsOf plan = found(
                    tenantId,
                    queries.query(new PlanAsOfQuery(tenantId, asOf), ResponseTypes.optionalInstanceOf(PlanAsOf.class))
                            .join());
            if (plan.planId() == null) {
                throw DomainRefusal.notFound(
                        "not_yet_created", "Tenant " + tenantId + " did not exist yet at " + asOf + ".");
            }
            return plan;
        }
        return found(
                tenantId,
                queries.query(
                                new PlanChangesQuery(tenantId, new PageRequest(offset, limit)),
                                ResponseTypes.optionalInstanceOf(PlanChangePage.class))
                        .join());
    }

    /**
     * What the tenant was entitled to at {@code asOf} (default: now), replayed from its events: its plan then and the
     * overrides that held then, with who set them and why (404 before the tenant existed).
     */
    @Operation(summary = "A tenant's entitlements at an instant")
    @GetMapping("/{tenantId}/entitlements")
    EntitlementsAsOf entitlements(@PathVariable String tenantId, @RequestParam(required = false) Instant asOf) {
        Instant at = asOf == null ? Instant.now() : asOf;
        EntitlementsAsOf entitlements = found(
                tenantId,
                queries.query(
                                new EntitlementsAsOfQuery(tenantId, at),
                                ResponseTypes.optionalInstanceOf(EntitlementsAsOf.class))
                        .join());
        if (entitlements.planId() == null) {
            throw DomainRefusal.notFound("not_yet_created", "Tenant " + tenantId + " did not exist yet at " + at + ".");
        }
        return entitlements;
    }

    /** What changed between two instants: plan, status, members and teams. */
    @Operation(summary = "Compare a tenant at two instants")
    @GetMapping("/{tenantId}/diff")
    TenantDiff diff(@PathVariable String tenantId, @RequestParam Instant from, @RequestParam Instant to) {
        if (to.isBefore(from)) {
            throw DomainRefusal.invalid("invalid_range", "'from' must not be after 'to'.");
        }
        return found(
                tenantId,
                queries.query(
                                new TenantDiffQuery(tenantId, from, to),
                                ResponseTypes.optionalInstanceOf(TenantDiff.class))
                        .join());
    }

    private static <T> T found(String tenantId, Optional<T> answer) {
        return answer.orElseThrow(
                () -> DomainRefusal.notFound("tenant_not_found", "No tenant with id " + tenantId + "."));
    }
}
