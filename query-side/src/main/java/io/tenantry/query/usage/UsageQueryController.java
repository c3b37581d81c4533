package io.tenantry.query.usage;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.entitlement.Entitlement;
import io.tenantry.contracts.entitlement.TenantUsage;
import io.tenantry.contracts.entitlement.TenantUsageQuery;
import io.tenantry.query.tenant.TenantReadAccess;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/tenants/{tenantId}/usage}: the tenant's daily usage counters (UTC days), for its members and partner
 * admins; this month so far unless {@code from} and {@code to} say otherwise.
 */
@RestController
class UsageQueryController {

    /** The longest range one read covers, in days. */
    static final int MAX_DAYS = 366;

    private final QueryGateway queries;
    private final TenantReadAccess access;

    UsageQueryController(QueryGateway queries, TenantReadAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @Operation(summary = "Read a tenant's usage per UTC day and key")
    @GetMapping("/api/tenants/{tenantId}/usage")
    TenantUsage usage(
            @PathVariable String tenantId,
            @RequestParam(required = false) String key,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Caller caller) {
        access.require(caller, tenantId);
        if (key != null && !Entitlement.KEY.matcher(key).matches()) {
            throw DomainRefusal.invalid(
                    "bad_request", "key must be of the form " + Entitlement.KEY.pattern() + " (an entitlement key).");
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate last = to != null ? to : today;
        LocalDate first = from != null ? from : (to != null ? last : today).withDayOfMonth(1);
        if (last.isBefore(first)) {
            throw DomainRefusal.invalid("invalid_range", "to (" + last + ") is before from (" + first + ").");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw DomainRefusal.invalid(
                    "invalid_range", "from " + first + " to " + last + " is more than " + MAX_DAYS + " days.");
        }
        return queries.query(
                        new TenantUsageQuery(tenantId, key, first, last), ResponseTypes.instanceOf(TenantUsage.class))
                .join();
    }
}
