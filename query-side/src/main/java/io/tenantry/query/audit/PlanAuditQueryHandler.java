package io.tenantry.query.audit;

import io.tenantry.contracts.audit.AuditQueries.PlanAsOfQuery;
import io.tenantry.contracts.audit.AuditQueries.PlanChangesQuery;
import io.tenantry.contracts.audit.PlanAsOf;
import io.tenantry.contracts.audit.PlanChangeEntry;
import io.tenantry.contracts.audit.PlanChangePage;
import io.tenantry.contracts.plan.PlanCatalogue;
import io.tenantry.contracts.subscription.PlanChangedEvent;
import io.tenantry.contracts.subscription.SubscriptionIds;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import io.tenantry.projections.SqlTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The plan-change history, replayed from the event store: the plan a tenant was created on, then each
 * {@link PlanChangedEvent} of its subscription. {@code plan_change_index} (written with each change) says where in the
 * store a change sits and when it took effect, so the plan in force at any instant costs one index lookup and one
 * event read, however long the history.
 */
@Component
class PlanAuditQueryHandler {

    private final TenantStreams streams;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final PlanCatalogue plans;

    PlanAuditQueryHandler(TenantStreams streams, EventStore eventStore, JdbcTemplate jdbc, PlanCatalogue plans) {
        this.streams = streams;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.plans = plans;
    }

    @QueryHandler
    Optional<PlanChangePage> handle(PlanChangesQuery query) {
        return streams.creation(query.tenantId()).map(created -> {
            Long total = jdbc.queryForObject(
                    "select count(*) from plan_change_index where tenant_id = ?", Long.class, query.tenantId());
            List<Long> sequenceNumbers = jdbc.queryForList(
                    """
                    select sequence_number from plan_change_index where tenant_id = ?
                    order by changed_at, sequence_number limit ? offset ?""",
                    Long.class,
                    query.tenantId(),
                    query.page().limit(),
                    query.page().offset());
            return new PlanChangePage(
                    query.tenantId(),
                    initialPlan(created.getPayload()),
                    changes(SubscriptionIds.of(query.tenantId()), sequenceNumbers),
                    total == null ? 0 : total,
                    query.page().offset(),
                    query.page().limit());
        });
    }

    @QueryHandler
    Optional<PlanAsOf> handle(PlanAsOfQuery query) {
        return streams.creation(query.tenantId()).map(created -> {
            if (query.asOf().isBefore(created.getTimestamp())) {
                return new PlanAsOf(query.tenantId(), query.asOf(), null, null, null, null, null);
            }
            List<Long> latest = jdbc.queryForList("""
                    select sequence_number from plan_change_index where tenant_id = ? and changed_at <= ?
                    order by changed_at desc, sequence_number desc limit 1
                    """, Long.class, query.tenantId(), SqlTime.utc(query.asOf()));
            if (latest.isEmpty()) {
                return new PlanAsOf(
                        query.tenantId(),
                        query.asOf(),
                        initialPlan(created.getPayload()),
                        created.getTimestamp(),
                        null,
                        null,
                        null);
            }
            PlanChangeEntry change =
                    changes(SubscriptionIds.of(query.tenantId()), latest).get(0);
            return new PlanAsOf(
                    query.tenantId(),
                    query.asOf(),
                    change.toPlanId(),
                    change.changedAt(),
                    change.changedBy(),
                    change.reason(),
                    change.correlationId());
        });
    }

    /**
     * The plan changes at these places of the subscription's stream, in stream order (which is their order in time:
     * the subscription keeps {@code changedAt} increasing), read in one pass from the first.
     */
    private List<PlanChangeEntry> changes(String subscriptionId, List<Long> sequenceNumbers) {
        List<PlanChangeEntry> changes = new ArrayList<>();
        if (sequenceNumbers.isEmpty()) {
            return changes;
        }
        Set<Long> wanted = new HashSet<>(sequenceNumbers);
        long first = Collections.min(wanted);
        long last = Collections.max(wanted);
        DomainEventStream stream = eventStore.readEvents(subscriptionId, first);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getSequenceNumber() > last) {
                break;
            }
            if (wanted.contains(event.getSequenceNumber()) && event.getPayload() instanceof PlanChangedEvent changed) {
                changes.add(new PlanChangeEntry(
                        event.getSequenceNumber(),
                        changed.fromPlanId(),
                        changed.toPlanId(),
                        changed.changedBy(),
                        changed.changedAt(),
                        changed.reason(),
                        changed.correlationId()));
            }
        }
        return changes;
    }

    private String initialPlan(TenantCreatedEvent created) {
        return created.planId() != null ? created.planId() : plans.defaultPlan().id();
    }
}
