package io.tenantry.app.webhooks;

import io.cloudevents.jackson.JsonFormat;
import io.tenantry.contracts.lifecycle.LifecycleNotice;
import io.tenantry.projections.lifecycle.LifecycleTopic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Queues the webhook deliveries (processor {@value #PROCESSING_GROUP}, tracking, the store's order): every event is
 * told as CloudEvents by the {@link WebhookEventSource}s, and each goes to every enabled endpoint that wants it, as
 * one row per endpoint, event and type, inserted in the processor's transaction (once: a batch processed again
 * inserts nothing new). The body is the CloudEvent in structured JSON, as the lifecycle topic carries it. Never
 * replayed: a replay of the history is an endpoint's own request ({@code POST .../replay}).
 */
@DisallowReplay
@ProcessingGroup(WebhookDeliveryProcessor.PROCESSING_GROUP)
class WebhookDeliveryProcessor {

    static final String PROCESSING_GROUP = "webhook-deliveries";
    private static final JsonFormat FORMAT = new JsonFormat();
    private static final String PENDING = WebhookDeliveryProcessor.class.getName() + ".pending";

    private final List<WebhookEventSource> sources;
    private final MatchingEndpoints endpoints;
    private final WebhookDeliveryStore store;
    private final WebhookProperties properties;
    private final Runnable wake;

    /** @param wake tells this process's sender that deliveries are due (it need not wait for its next poll) */
    WebhookDeliveryProcessor(
            List<WebhookEventSource> sources,
            MatchingEndpoints endpoints,
            WebhookDeliveryStore store,
            WebhookProperties properties,
            Runnable wake) {
        this.wake = wake;
        this.sources = sources;
        this.endpoints = endpoints;
        this.store = store;
        this.properties = properties;
    }

    @EventHandler
    void on(EventMessage<?> event, TrackingToken token) {
        if (event.getPayloadType().getName().startsWith("io.tenantry.contracts.webhook.")) {
            endpoints.refresh();
        }
        List<MatchingEndpoints.Endpoint> enabled = endpoints.current();
        if (enabled.isEmpty()) {
            return; // no endpoint, nothing to tell: the event is not even read
        }
        long position = token == null ? 0 : token.position().orElse(0);
        Instant now = Instant.now();
        for (WebhookEventSource source : sources) {
            for (LifecycleNotice notice : source.notices(event)) {
                byte[] body = null;
                for (MatchingEndpoints.Endpoint endpoint : enabled) {
                    if (endpoint.wants(notice, event.getTimestamp())) {
                        body = body == null ? body(notice) : body;
                        pending()
                                .add(new WebhookDeliveryStore.Queued(
                                        WebhookSignatures.messageId(endpoint.id(), notice.id(), notice.type()),
                                        endpoint.id(),
                                        notice.id(),
                                        notice.type(),
                                        position,
                                        body,
                                        now,
                                        now.plus(properties.giveUpAfter())));
                    }
                }
            }
        }
    }

    /**
     * The deliveries of this batch of events: inserted together just before the batch commits (with its token), and
     * the sender woken once it has.
     */
    private List<WebhookDeliveryStore.Queued> pending() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            List<WebhookDeliveryStore.Queued> queued = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> store.queue(queued));
            batch.afterCommit(unitOfWork -> wake.run());
            return queued;
        });
    }

    /** The CloudEvent in structured JSON, exactly as on the lifecycle topic. */
    static byte[] body(LifecycleNotice notice) {
        return FORMAT.serialize(LifecycleTopic.cloudEvent(notice));
    }
}
