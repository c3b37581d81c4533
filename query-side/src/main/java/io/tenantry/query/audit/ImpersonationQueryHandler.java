package io.tenantry.query.audit;

import io.tenantry.contracts.audit.TenantImpersonationsQuery;
import io.tenantry.contracts.audit.TenantImpersonationsQuery.Impersonation;
import io.tenantry.contracts.audit.TenantImpersonationsQuery.Impersonations;
import io.tenantry.contracts.tenant.TenantImpersonationGrantedEvent;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** The impersonations of a tenant, from its own events in the event store (each grant is one). */
@Component
class ImpersonationQueryHandler {

    private final TenantStreams streams;

    ImpersonationQueryHandler(TenantStreams streams) {
        this.streams = streams;
    }

    @QueryHandler
    Impersonations handle(TenantImpersonationsQuery query) {
        return new Impersonations(streams.stream(query.tenantId()).stream()
                .filter(event -> event.getPayload() instanceof TenantImpersonationGrantedEvent)
                .map(event -> {
                    TenantImpersonationGrantedEvent granted = (TenantImpersonationGrantedEvent) event.getPayload();
                    return new Impersonation(
                            granted.actorId(),
                            granted.subjectId(),
                            granted.reason(),
                            event.getTimestamp(),
                            granted.expiresAt());
                })
                .toList());
    }
}
