package io.tenantry.app.webhooks;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.lifecycle.LifecycleNotice;
import io.tenantry.contracts.webhook.WebhookEventTypes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resends and replays an endpoint's deliveries (the command role's): a resend makes one delivery due now again; a
 * replay reads the event store from a position or a time and queues every event the endpoint wants again, with the
 * same webhook id for the events it was given before. Neither is an aggregate's decision: the endpoint's owner
 * authorised it before (the tenant by a command that changes nothing), and the rows are the deliveries' own.
 */
public final class WebhookDeliveries {

    /** At most this many events are read by one replay. */
    static final int MAX_REPLAY_EVENTS = 1_000_000;
    /** Deliveries a replay queues at a time. */
    private static final int REQUEUE_BATCH = 500;

    private final WebhookDeliveryStore store;
    private final JdbcTemplate jdbc;
    private final EventStore events;
    private final List<WebhookEventSource> sources;
    private final WebhookProperties properties;
    private final TransactionTemplate transactions;

    WebhookDeliveries(
            WebhookDeliveryStore store,
            JdbcTemplate jdbc,
            EventStore events,
            List<WebhookEventSource> sources,
            WebhookProperties properties,
            PlatformTransactionManager transactions) {
        this.transactions = new TransactionTemplate(transactions);
        this.store = store;
        this.jdbc = jdbc;
        this.events = events;
        this.sources = sources;
        this.properties = properties;
    }

    /** Queues these in one transaction and one round trip, and forgets them. */
    private void requeue(List<WebhookDeliveryStore.Queued> pending) {
        if (!pending.isEmpty()) {
            transactions.executeWithoutResult(status -> store.requeue(pending));
            pending.clear();
        }
    }

    /** Makes the delivery due now; 404 when the owner ({@code tenantId} null: the platform) has no such one. */
    public void resend(String tenantId, String endpointId, String deliveryId) {
        endpoint(tenantId, endpointId);
        Instant now = Instant.now();
        if (!store.resend(endpointId, deliveryId, now, now.plus(properties.giveUpAfter()))) {
            throw DomainRefusal.notFound(
                    "delivery_not_found", "Webhook endpoint " + endpointId + " has no delivery " + deliveryId + ".");
        }
    }

    /** Queues every event the endpoint wants from the position or the time on; answers how many. */
    public int replay(String tenantId, String endpointId, Long fromPosition, Instant fromTime) {
        if ((fromPosition == null) == (fromTime == null) || (fromPosition != null && fromPosition < 0)) {
            throw DomainRefusal.invalid(
                    "invalid_replay", "Give either fromPosition (a global position, 0 or more) or fromTime.");
        }
        Endpoint endpoint = endpoint(tenantId, endpointId);
        TrackingToken start = fromPosition != null
                ? (fromPosition == 0 ? null : GapAwareTrackingToken.newInstance(fromPosition - 1, java.util.Set.of()))
                : events.createTokenAt(fromTime);
        Instant now = Instant.now();
        int queued = 0;
        int read = 0;
        List<WebhookDeliveryStore.Queued> pending = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(start)) {
            while (read < MAX_REPLAY_EVENTS && stream.hasNextAvailable()) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                read++;
                long position = event.trackingToken().position().orElse(0);
                for (WebhookEventSource source : sources) {
                    for (LifecycleNotice notice : source.notices(event)) {
                        if ((endpoint.tenantId() == null || endpoint.tenantId().equals(notice.subject()))
                                && WebhookEventTypes.matchesAny(endpoint.eventTypes(), notice.type())) {
                            pending.add(new WebhookDeliveryStore.Queued(
                                    WebhookSignatures.messageId(endpointId, notice.id(), notice.type()),
                                    endpointId,
                                    notice.id(),
                                    notice.type(),
                                    position,
                                    WebhookDeliveryProcessor.body(notice),
                                    now,
                                    now.plus(properties.giveUpAfter())));
                            queued++;
                        }
                    }
                }
                if (pending.size() >= REQUEUE_BATCH) {
                    requeue(pending);
                }
            }
            requeue(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        }
        return queued;
    }

    private record Endpoint(String tenantId, List<String> eventTypes) {}

    private Endpoint endpoint(String tenantId, String endpointId) {
        return jdbc
                .query(
                        "select tenant_id, event_types from webhook_endpoint where endpoint_id = ?",
                        (row, n) -> new Endpoint(
                                row.getString(1), List.of(row.getString(2).split(" "))),
                        endpointId)
                .stream()
                .filter(found -> Objects.equals(found.tenantId(), tenantId))
                .findFirst()
                .orElseThrow(() -> DomainRefusal.notFound(
                        "webhook_not_found", "There is no webhook endpoint " + endpointId + "."));
    }
}
