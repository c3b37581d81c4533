package io.tenantry.projections.lifecycle;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Publishes every tenant lifecycle event from the event store to the lifecycle topic (tracking processor
 * {@value #PROCESSING_GROUP}, one segment: the store's order). A publication returns once Kafka acknowledged it, so
 * the processor's token advances only past published events; while Kafka is away, publishing fails, the processor
 * retries with back-off (never skips, see AxonConfiguration) and resumes where it stopped. A failure between the
 * acknowledgement and the token's commit publishes an event again: consumers de-duplicate on the CloudEvent's id.
 * Off with {@code tenantry.lifecycle.publish=false}. Not a read model: it is never reset and replayed (that would
 * publish the whole history again), so the projection rebuild refuses it.
 */
@Component
@DisallowReplay
@ProcessingGroup(LifecycleTopicPublisher.PROCESSING_GROUP)
@ConditionalOnProperty(name = "tenantry.lifecycle.publish", havingValue = "true", matchIfMissing = true)
class LifecycleTopicPublisher {

    static final String PROCESSING_GROUP = "tenant-lifecycle-topic";

    private final LifecycleCloudEvents cloudEvents;
    private final LifecycleTopic topic;

    LifecycleTopicPublisher(LifecycleCloudEvents cloudEvents, LifecycleTopic topic) {
        this.cloudEvents = cloudEvents;
        this.topic = topic;
    }

    /** Every event passes here; only lifecycle events are read (deserialized) and published. */
    @EventHandler
    void on(DomainEventMessage<?> event) {
        if (cloudEvents.isLifecycleEvent(event.getPayloadType())) {
            cloudEvents.map(event).ifPresent(topic::publish);
        }
    }
}
