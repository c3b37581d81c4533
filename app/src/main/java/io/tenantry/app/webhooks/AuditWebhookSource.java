package io.tenantry.app.webhooks;

import io.tenantry.contracts.lifecycle.LifecycleNotice;
import io.tenantry.projections.audit.AuditTrail;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;

/**
 * The tenants' audit entries as CloudEvents ({@code io.tenantry.audit.<action>.v1}), for endpoints subscribed to
 * {@code audit.*}: a SIEM takes them as a log stream. The same reading of events as the audit log's.
 */
final class AuditWebhookSource implements WebhookEventSource {

    private final AuditTrail trail;

    AuditWebhookSource(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public List<LifecycleNotice> notices(EventMessage<?> event) {
        return trail.entry(event, 0).map(trail::notice).map(List::of).orElse(List.of());
    }
}
