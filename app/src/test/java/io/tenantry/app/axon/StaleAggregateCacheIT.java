package io.tenantry.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.app.test.TenantryIntegrationTest;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.tenant.AddMemberCommand;
import io.tenantry.contracts.tenant.CreateTenantCommand;
import io.tenantry.contracts.tenant.MemberAddedEvent;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.MemberView;
import io.tenantry.contracts.tenant.TenantTier;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two command processes on one event store, each with its own aggregate cache: what the other process appended makes
 * this process's cached tenant stale. The next command on it must neither lose the other's event nor store its own
 * twice: the store refuses the stale append, the cached copy is dropped, and the command runs again on the tenant
 * read afresh.
 */
@TenantryIntegrationTest
class StaleAggregateCacheIT {

    @Autowired
    private CommandGateway commands;

    @Autowired
    private EventStorageEngine storageEngine;

    @Autowired
    private TransactionManager transactions;

    @Autowired
    @Qualifier("tenantCache")
    private Cache tenantCache;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aCommandOnATenantAnotherProcessChangedRunsAgainOnTheFreshTenant() {
        String tenantId = UUID.randomUUID().toString();
        String owner = "owner-" + tenantId;
        commands.sendAndWait(CreateTenantCommand.of(
                tenantId, "Stale Co", "stale-" + tenantId.substring(0, 8), TenantTier.POOLED, owner));
        assertThat(tenantCache.containsKey(tenantId))
                .as("the new tenant is cached")
                .isTrue();

        // another command process adds a member: its event lands in the store, this process's cache knows nothing of it
        String fromOtherProcess = "other-" + tenantId;
        long next = lastSequenceNumber(tenantId) + 1;
        transactions.executeInTransaction(() -> storageEngine.appendEvents(new GenericDomainEventMessage<>(
                "Tenant", tenantId, next, new MemberAddedEvent(tenantId, fromOtherProcess, MemberRole.MEMBER))));

        String fromThisProcess = "this-" + tenantId;
        MemberView answer = commands.sendAndWait(
                new AddMemberCommand(tenantId, Caller.user(owner), fromThisProcess, MemberRole.MEMBER));

        assertThat(answer.userId()).isEqualTo(fromThisProcess);
        assertThat(answer.version())
                .as("added after the other process's member")
                .isEqualTo(next + 1);
        List<String> stored = jdbc.queryForList("""
                select sequence_number || ' ' || payload_type from domain_event_entry
                where aggregate_identifier = ? order by sequence_number""", String.class, tenantId);
        assertThat(stored)
                .as("every event once, the other process's kept, in one sequence")
                .hasSize((int) next + 2)
                .endsWith(
                        next + " " + MemberAddedEvent.class.getName(),
                        (next + 1) + " " + MemberAddedEvent.class.getName());
        assertThat(jdbc.queryForObject("""
                select count(*) from domain_event_entry where aggregate_identifier = ?
                and convert_from(payload, 'UTF8') like ?""", Long.class, tenantId, "%" + fromThisProcess + "%"))
                .as("this process's member added exactly once")
                .isEqualTo(1L);
    }

    private long lastSequenceNumber(String tenantId) {
        return jdbc.queryForObject(
                "select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                Long.class,
                tenantId);
    }
}
