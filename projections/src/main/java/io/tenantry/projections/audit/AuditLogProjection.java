package io.tenantry.projections.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

/**
 * Builds each tenant's audit log ({@link AuditLog}) from every event that changed a tenant, as {@link AuditTrail}
 * reads it (tracking processor {@value #PROCESSING_GROUP}; replayable: the log is rebuilt from the event store).
 */
@Component
@ProcessingGroup(AuditLogProjection.PROCESSING_GROUP)
class AuditLogProjection {

    static final String PROCESSING_GROUP = "tenant-audit-log";

    private final AuditTrail trail;
    private final AuditLog log;

    AuditLogProjection(AuditTrail trail, AuditLog log) {
        this.trail = trail;
        this.log = log;
    }

    @EventHandler
    void on(EventMessage<?> event, TrackingToken token) {
        long position = token == null ? 0 : token.position().orElse(0);
        trail.entry(event, position).ifPresent(log::add);
    }

    @ResetHandler
    void reset() {
        log.deleteAll();
    }
}
