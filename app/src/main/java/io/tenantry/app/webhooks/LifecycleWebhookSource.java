package io.tenantry.app.webhooks;

import io.tenantry.contracts.lifecycle.LifecycleNotice;
import io.tenantry.projections.lifecycle.LifecycleCloudEvents;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;

/** The tenant lifecycle events, exactly as the lifecycle topic carries them. */
final class LifecycleWebhookSource implements WebhookEventSource {

    private final LifecycleCloudEvents cloudEvents;

    LifecycleWebhookSource(LifecycleCloudEvents cloudEvents) {
        this.cloudEvents = cloudEvents;
    }

    @Override
    public List<LifecycleNotice> notices(EventMessage<?> event) {
        if (!cloudEvents.isLifecycleEvent(event.getPayloadType())) {
            return List.of();
        }
        return cloudEvents.map(event).map(List::of).orElse(List.of());
    }
}
