package io.tenantry.query.dashboard;

import io.tenantry.projections.lifecycle.LifecycleCloudEvents;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Tracking processor {@value #PROCESSING_GROUP}: tells this node's {@link LifecycleStream} that a lifecycle event has
 * been projected, so the dashboards see it at once. Its token lives in memory and starts at the head of the store
 * (see {@link DashboardConfiguration}): every node runs its own, for its own streams, and none replays history (it
 * is no read model: the projection rebuild refuses it).
 */
@Component
@DisallowReplay
@ProcessingGroup(LifecycleStreamTrigger.PROCESSING_GROUP)
class LifecycleStreamTrigger {

    static final String PROCESSING_GROUP = "dashboard-stream";

    private final LifecycleCloudEvents cloudEvents;
    private final LifecycleStream stream;

    LifecycleStreamTrigger(LifecycleCloudEvents cloudEvents, LifecycleStream stream) {
        this.cloudEvents = cloudEvents;
        this.stream = stream;
    }

    /** Every event passes here; only the payload type is looked at, nothing is deserialized. */
    @EventHandler
    void on(EventMessage<?> event) {
        if (cloudEvents.isLifecycleEvent(event.getPayloadType())) {
            stream.nudge();
        }
    }
}
