package io.tenantry.query.audit;

import io.tenantry.contracts.subscription.SubscriptionIds;
import io.tenantry.contracts.tenant.MemberInvitedEvent;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a tenant's history from the event store: its own stream, and the streams of the aggregates tied to it
 * (its subscription, the invitations it issued, the lead it came from), in the order they were stored. Streams are
 * read from their first event, never from a snapshot: audit shows what happened, not a summary of it.
 */
@Component
class TenantStreams {

    private final EventStore eventStore;
    private final NamedParameterJdbcTemplate jdbc;

    TenantStreams(EventStore eventStore, NamedParameterJdbcTemplate jdbc) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    /** Every event of one aggregate, from its first. */
    List<DomainEventMessage<?>> stream(String aggregateId) {
        return drain(eventStore.readEvents(aggregateId, 0));
    }

    /** The tenant's first event, its creation; empty for an unknown tenant. */
    Optional<DomainEventMessage<TenantCreatedEvent>> creation(String tenantId) {
        DomainEventStream stream = eventStore.readEvents(tenantId, 0);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = stream.next();
        if (first.getPayload() instanceof TenantCreatedEvent) {
            @SuppressWarnings("unchecked")
            DomainEventMessage<TenantCreatedEvent> created = (DomainEventMessage<TenantCreatedEvent>) first;
            return Optional.of(created);
        }
        return Optional.empty();
    }

    /** The tenant's events and those of the aggregates tied to it, in storage order; empty for an unknown tenant. */
    List<DomainEventMessage<?>> everything(String tenantId) {
        List<DomainEventMessage<?>> own = stream(tenantId);
        if (own.isEmpty()) {
            return own;
        }
        Set<String> related = new LinkedHashSet<>();
        related.add(SubscriptionIds.of(tenantId));
        for (DomainEventMessage<?> event : own) {
            if (event.getPayload() instanceof TenantCreatedEvent created && created.leadId() != null) {
                related.add(created.leadId());
            } else if (event.getPayload() instanceof MemberInvitedEvent invited) {
                related.add(invited.invitationId());
            }
        }
        List<DomainEventMessage<?>> all = new ArrayList<>(own);
        related.forEach(id -> all.addAll(stream(id)));
        Map<String, Long> order = globalOrder(tenantId, related);
        all.sort(Comparator.comparingLong(event -> order.getOrDefault(key(event), Long.MAX_VALUE)));
        return all;
    }

    /** Where each event of these aggregates sits in the store's global order. */
    private Map<String, Long> globalOrder(String tenantId, Set<String> related) {
        Set<String> ids = new LinkedHashSet<>(related);
        ids.add(tenantId);
        Map<String, Long> order = new HashMap<>();
        jdbc.query("""
                select aggregate_identifier, sequence_number, global_index from domain_event_entry
                where aggregate_identifier in (:ids)""", new MapSqlParameterSource("ids", ids), rs -> {
            order.put(rs.getString(1) + "#" + rs.getLong(2), rs.getLong(3));
        });
        return order;
    }

    private static String key(DomainEventMessage<?> event) {
        return event.getAggregateIdentifier() + "#" + event.getSequenceNumber();
    }

    private static List<DomainEventMessage<?>> drain(DomainEventStream stream) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        stream.forEachRemaining(events::add);
        return events;
    }
}
