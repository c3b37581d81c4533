package io.tenantry.query.lifecycle;

import io.tenantry.contracts.lifecycle.LifecycleEventPage;
import io.tenantry.contracts.lifecycle.LifecycleEventsQuery;
import io.tenantry.contracts.lifecycle.LifecycleNotice;
import io.tenantry.projections.lifecycle.LifecycleCloudEvents;
import io.tenantry.projections.lifecycle.LifecycleProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Pages the lifecycle events out of the event store, mapped exactly as the lifecycle topic publishes them, each with
 * its global position, read in the store's order (a tracking token's position is the highest one seen so far: not
 * the event's own when the event fills a gap, which is why the topic carries no position). A transaction may commit
 * after a later one did: a missing position younger than {@code tenantry.lifecycle.feed-gap-timeout} ends the page,
 * so no event is ever paged past; an older one is a transaction that rolled back, and is read past.
 */
@Component
class LifecycleFeedQueryHandler {

    /** At most this many stored events are read for one page, lifecycle events or not; {@code next} goes past them. */
    static final int SCAN_LIMIT = 2_000;

    private final EventStorageEngine storage;
    private final LifecycleCloudEvents cloudEvents;
    private final Duration gapTimeout;
    private final Clock clock = Clock.systemUTC();

    LifecycleFeedQueryHandler(
            EventStorageEngine storage, LifecycleCloudEvents cloudEvents, LifecycleProperties properties) {
        this.storage = storage;
        this.cloudEvents = cloudEvents;
        this.gapTimeout = properties.feedGapTimeout();
    }

    @QueryHandler
    LifecycleEventPage handle(LifecycleEventsQuery query) {
        List<LifecycleNotice> events = new ArrayList<>();
        long next = query.after();
        Instant settled = clock.instant().minus(gapTimeout);
        TrackingToken from = query.after() <= 0
                ? null
                : GapAwareTrackingToken.newInstance(query.after(), Collections.emptySortedSet());
        try (Stream<? extends TrackedEventMessage<?>> stored = storage.readEvents(from, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = stored.iterator();
            int scanned = 0;
            while (iterator.hasNext() && events.size() < query.limit() && scanned < SCAN_LIMIT) {
                TrackedEventMessage<?> event = iterator.next();
                long position = event.trackingToken().position().orElseThrow();
                if (position <= next) {
                    // committed after this page read past its position, gap timeout and all: for the topic only
                    continue;
                }
                if (position > next + 1 && event.getTimestamp().isAfter(settled)) {
                    // positions before this one may still commit: end the page before them
                    break;
                }
                scanned++;
                next = position;
                if (cloudEvents.isLifecycleEvent(event.getPayloadType())) {
                    cloudEvents.map(event).map(notice -> notice.at(position)).ifPresent(events::add);
                }
            }
        }
        return new LifecycleEventPage(events, next);
    }
}
