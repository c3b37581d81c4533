package io.tenantry.query.audit;

import io.tenantry.contracts.MetaDataKeys;
import io.tenantry.contracts.PageRequest;
import io.tenantry.contracts.audit.EventHistoryEntry;
import io.tenantry.contracts.audit.EventHistoryPage;
import io.tenantry.contracts.audit.TenantEventHistoryQuery;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Audit reads the event store itself, not a read model: what it shows is what happened. Personal data appears
 * decrypted, or as the erasure marker once its subject was erased.
 */
@Component
class EventHistoryQueryHandler {

    private final TenantStreams streams;

    EventHistoryQueryHandler(TenantStreams streams) {
        this.streams = streams;
    }

    @QueryHandler
    Optional<EventHistoryPage> handle(TenantEventHistoryQuery query) {
        List<DomainEventMessage<?>> events = streams.everything(query.tenantId());
        if (events.isEmpty()) {
            return Optional.empty();
        }
        PageRequest page = query.page();
        List<EventHistoryEntry> items = events.stream()
                .skip(page.offset())
                .limit(page.limit())
                .map(EventHistoryQueryHandler::entry)
                .toList();
        return Optional.of(new EventHistoryPage(items, events.size(), page.offset(), page.limit()));
    }

    private static EventHistoryEntry entry(DomainEventMessage<?> event) {
        return new EventHistoryEntry(
                event.getType(),
                event.getAggregateIdentifier(),
                event.getSequenceNumber(),
                event.getPayloadType().getSimpleName(),
                event.getTimestamp(),
                (String) event.getMetaData().get(MetaDataKeys.ACTOR_ID),
                (String) event.getMetaData().get(MetaDataKeys.CORRELATION_ID),
                event.getPayload());
    }
}
