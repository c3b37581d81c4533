package io.tenantry.command.subscription;

import io.tenantry.contracts.subscription.PlanChangedEvent;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes each plan change's place in the event store ({@code plan_change_index}) in the transaction that stores it,
 * so the audit finds the change in force at any instant with one index lookup and reads that one event.
 */
@Component
@ProcessingGroup(BillingLookups.PROCESSING_GROUP)
class PlanChangeIndex {

    private final JdbcTemplate jdbc;

    PlanChangeIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PlanChangedEvent event, @SequenceNumber long sequenceNumber) {
        jdbc.update(
                """
                insert into plan_change_index (tenant_id, subscription_id, sequence_number, changed_at)
                values (?, ?, ?, ?) on conflict do nothing""",
                event.tenantId(),
                event.subscriptionId(),
                sequenceNumber,
                event.changedAt().atOffset(ZoneOffset.UTC));
    }
}
