package io.tenantry.projections.lifecycle;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Publishes every tenant lifecycle event from the event store to the lifecycle topic (processor
 * {@value #PROCESSING_GROUP}, one segment: the store's order). A batch of events is sent at once and commits once
 * Kafka acknowledged all of it, so the processor's token advances only past published events; while Kafka is away,
 * publishing fails, the processor retries with back-off (never skips, see AxonConfiguration) and resumes where it
 * stopped. A failure between the acknowledgements and the token's commit publishes the batch's events again:
 * consumers de-duplicate on the CloudEvent's id. Off with {@code tenantry.lifecycle.publish=false}. Not a read model:
 * it is never reset and replayed (that would publish the whole history again), so the projection rebuild refuses it.
 */
@Component
@DisallowReplay
@ProcessingGroup(LifecycleTopicPublisher.PROCESSING_GROUP)
@ConditionalOnProperty(name = "tenantry.lifecycle.publish", havingValue = "true", matchIfMissing = true)
class LifecycleTopicPublisher {

    static final String PROCESSING_GROUP = "tenant-lifecycle-topic";
    private static final String PENDING_SENDS = LifecycleTopicPublisher.class.getName() + ".sends";

    private final LifecycleCloudEvents cloudEvents;
    private final LifecycleTopic topic;

    LifecycleTopicPublisher(LifecycleCloudEvents cloudEvents, LifecycleTopic topic) {
        this.cloudEvents = cloudEvents;
        this.topic = topic;
    }

    /**
     * Every event passes here; only lifecycle events are read (deserialized) and sent. The sends of one batch go out
     * at once, and the batch commits (its token moves past them) only once Kafka has acknowledged them all.
     */
    @EventHandler
    void on(EventMessage<?> event) {
        if (cloudEvents.isLifecycleEvent(event.getPayloadType())) {
            cloudEvents.map(event).ifPresent(notice -> pendingSends().add(topic.send(notice)));
        }
    }

    private List<LifecycleTopic.Sent> pendingSends() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING_SENDS, key -> {
            List<LifecycleTopic.Sent> sends = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> topic.await(sends));
            return sends;
        });
    }
}
