package io.tenantry.query.audit;

import io.tenantry.contracts.MetaDataKeys;
import io.tenantry.contracts.audit.EventHistoryPage;
import io.tenantry.contracts.audit.EventHistoryEntry;
import io.tenantry.contracts.audit.TenantEventHistoryQuery;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Audit reads the event store itself, not a read model: what it shows is what happened. Personal data appears
 * decrypted, or as the erasure marker once its subject was erased.
 */
@Component
class EventHistoryQueryHandler {

    private final EventStore eventStore;

    EventHistoryQueryHandler(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    Optional<EventHistoryPage> handle(TenantEventHistoryQuery query) {
        DomainEventStream stream = eventStore.readEvents(query.tenantId());
        List<EventHistoryEntry> items = new ArrayList<>();
        long total = 0;
        while (stream.hasNext()) {
            if (total >= query.offset() && items.size() < query.limit()) {
                items.add(entry(stream.next()));
            } else {
                stream.next();
            }
            total++;
        }
        return total == 0 ? Optional.empty() : Optional.of(new EventHistoryPage(items, total, query.offset(), query.limit()));
    }

    private static EventHistoryEntry entry(DomainEventMessage<?> event) {
        return new EventHistoryEntry(event.getSequenceNumber(), event.getPayloadType().getSimpleName(), event.getTimestamp(),
                (String) event.getMetaData().get(MetaDataKeys.ACTOR_ID),
                (String) event.getMetaData().get(MetaDataKeys.CORRELATION_ID),
                event.getPayload());
    }
}
