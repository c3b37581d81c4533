package io.tenantry.query.audit;

import io.tenantry.contracts.audit.AuditQueries.PlanAsOfQuery;
import io.tenantry.contracts.audit.AuditQueries.TenantDiffQuery;
import io.tenantry.contracts.audit.PlanAsOf;
import io.tenantry.contracts.audit.TenantDiff;
import io.tenantry.contracts.tenant.MemberAddedEvent;
import io.tenantry.contracts.tenant.MemberRemovedEvent;
import io.tenantry.contracts.tenant.MemberRoleChangedEvent;
import io.tenantry.contracts.tenant.OwnershipTransferredEvent;
import io.tenantry.contracts.tenant.TeamCreatedEvent;
import io.tenantry.contracts.tenant.TeamDeletedEvent;
import io.tenantry.contracts.tenant.TeamUpdatedEvent;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import io.tenantry.contracts.tenant.TenantDeletedEvent;
import io.tenantry.contracts.tenant.TenantProvisionedEvent;
import io.tenantry.contracts.tenant.TenantProvisioningFailedEvent;
import io.tenantry.contracts.tenant.TenantProvisioningStartedEvent;
import io.tenantry.contracts.tenant.TenantReactivatedEvent;
import io.tenantry.contracts.tenant.TenantRestoredEvent;
import io.tenantry.contracts.tenant.TenantStatus;
import io.tenantry.contracts.tenant.TenantSuspendedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * What changed in a tenant between two instants, folded from its events up to each: its plan (as the plan-change
 * history has it), status, members with their roles, and teams with their names.
 */
@Component
class TenantDiffQueryHandler {

    private final TenantStreams streams;
    private final PlanAuditQueryHandler plans;

    TenantDiffQueryHandler(TenantStreams streams, PlanAuditQueryHandler plans) {
        this.streams = streams;
        this.plans = plans;
    }

    @QueryHandler
    Optional<TenantDiff> handle(TenantDiffQuery query) {
        List<DomainEventMessage<?>> events = streams.stream(query.tenantId());
        if (events.isEmpty()) {
            return Optional.empty();
        }
        State before = State.at(events, query.from());
        State after = State.at(events, query.to());
        return Optional.of(new TenantDiff(
                query.tenantId(),
                query.from(),
                query.to(),
                TenantDiff.Change.of(plan(query.tenantId(), query.from()), plan(query.tenantId(), query.to())),
                TenantDiff.Change.of(before.status, after.status),
                changes(before.members, after.members, TenantDiff.MemberChange::new),
                changes(before.teams, after.teams, TenantDiff.TeamChange::new)));
    }

    private String plan(String tenantId, Instant at) {
        return plans.handle(new PlanAsOfQuery(tenantId, at))
                .map(PlanAsOf::planId)
                .orElse(null);
    }

    /** What changed between two maps of a key to a value (a role, a team's name), in key order. */
    private static <T> List<T> changes(Map<String, String> before, Map<String, String> after, Change<T> change) {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<T> changes = new ArrayList<>();
        for (String key : keys) {
            String from = before.get(key);
            String to = after.get(key);
            if (!Objects.equals(from, to)) {
                changes.add(change.of(key, from, to));
            }
        }
        return changes;
    }

    private interface Change<T> {
        T of(String key, String from, String to);
    }

    /** The tenant as its events made it up to an instant: nothing before it was created. */
    private static final class State {
        String status;
        final Map<String, String> members = new TreeMap<>();
        final Map<String, String> teams = new TreeMap<>();

        static State at(List<DomainEventMessage<?>> events, Instant instant) {
            State state = new State();
            for (DomainEventMessage<?> event : events) {
                if (event.getTimestamp().isAfter(instant)) {
                    break;
                }
                state.apply(event.getPayload());
            }
            return state;
        }

        void apply(Object event) {
            if (event instanceof TenantCreatedEvent) {
                status = TenantStatus.PENDING_PROVISION.name();
            } else if (event instanceof TenantProvisioningStartedEvent) {
                status = TenantStatus.PROVISIONING.name();
            } else if (event instanceof TenantProvisionedEvent || event instanceof TenantReactivatedEvent) {
                status = TenantStatus.ACTIVE.name();
            } else if (event instanceof TenantProvisioningFailedEvent) {
                status = TenantStatus.PROVISION_FAILED.name();
            } else if (event instanceof TenantSuspendedEvent) {
                status = TenantStatus.SUSPENDED.name();
            } else if (event instanceof TenantDeletedEvent) {
                status = TenantStatus.DELETED.name();
            } else if (event instanceof TenantRestoredEvent restored) {
                status = restored.status().name();
            } else if (event instanceof MemberAddedEvent added) {
                members.put(added.userId(), added.role().name());
            } else if (event instanceof MemberRoleChangedEvent changed) {
                members.put(changed.userId(), changed.role().name());
            } else if (event instanceof MemberRemovedEvent removed) {
                members.remove(removed.userId());
            } else if (event instanceof OwnershipTransferredEvent transferred) {
                members.put(transferred.toUserId(), "OWNER");
                members.put(transferred.fromUserId(), "ADMIN");
            } else if (event instanceof TeamCreatedEvent created) {
                teams.put(created.teamId(), created.name());
            } else if (event instanceof TeamUpdatedEvent updated) {
                teams.put(updated.teamId(), updated.name());
            } else if (event instanceof TeamDeletedEvent deleted) {
                teams.remove(deleted.teamId());
            }
        }
    }
}
