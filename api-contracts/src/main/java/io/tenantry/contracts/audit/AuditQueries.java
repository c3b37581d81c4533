package io.tenantry.contracts.audit;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tenantry.contracts.PageRequest;
import java.time.Instant;

/** Audit questions answered from the event store; each is empty when the tenant is unknown. */
public final class AuditQueries {

    private AuditQueries() {}

    /** A page of the tenant's plan changes; an {@code Optional<PlanChangePage>}. */
    public record PlanChangesQuery(
            String tenantId, @JsonUnwrapped PageRequest page) {}

    /** The plan in force at an instant; an {@code Optional<PlanAsOf>}, empty also before the tenant existed. */
    public record PlanAsOfQuery(String tenantId, Instant asOf) {}

    /**
     * What the tenant was entitled to at an instant; an {@code Optional<EntitlementsAsOf>}, empty also before the
     * tenant existed.
     */
    public record EntitlementsAsOfQuery(String tenantId, Instant asOf) {}

    /** What changed between two instants; an {@code Optional<TenantDiff>}. */
    public record TenantDiffQuery(String tenantId, Instant from, Instant to) {}
}
