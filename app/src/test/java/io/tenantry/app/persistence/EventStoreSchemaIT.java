package io.tenantry.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantry.app.test.TenantryIntegrationTest;
import io.tenantry.contracts.tenant.CreateTenantCommand;
import io.tenantry.contracts.tenant.TenantTier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Axon's tables on PostgreSQL: every binary column {@code bytea} (never large objects, which leak on each token
 * update), and a global index that takes one sequence value per event (dense, in the order of the appends).
 */
@TenantryIntegrationTest
class EventStoreSchemaIT {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private CommandGateway commands;

    @Test
    void storesEveryBinaryColumnOfAxonAsBytea() {
        List<Map<String, Object>> binaryColumns = jdbc.queryForList("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = current_schema()
                  and column_name in ('payload', 'meta_data', 'token', 'serialized_saga', 'diagnostics')""");

        assertThat(binaryColumns)
                .extracting(row -> row.get("table_name") + "." + row.get("column_name"))
                .contains(
                        "domain_event_entry.payload",
                        "domain_event_entry.meta_data",
                        "snapshot_event_entry.payload",
                        "token_entry.token",
                        "saga_entry.serialized_saga",
                        "dead_letter_entry.payload",
                        "dead_letter_entry.diagnostics");
        assertThat(binaryColumns)
                .allSatisfy(row ->
                        assertThat(row.get("data_type")).as(row.toString()).isEqualTo("bytea"));
    }

    @Test
    void hasNoLargeObjectColumnAnywhere() {
        List<String> oidColumns = jdbc.queryForList("""
                select table_name || '.' || column_name from information_schema.columns
                where table_schema = current_schema() and data_type = 'oid'""", String.class);

        assertThat(oidColumns).isEmpty();
    }

    @Test
    void leavesNoLargeObjectsBehindWhenTrackingTokensMove() {
        createTenants(3);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from token_entry where processor_name = 'tenant-directory' and "
                                        + "token is not null",
                                Integer.class)
                        > 0);

        assertThat(jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Integer.class))
                .isZero();
    }

    @Test
    void takesTheGlobalIndexAndAssociationIdsFromTheirSequences() {
        assertThat(columnDefault("domain_event_entry", "global_index"))
                .isEqualTo("nextval('domain_event_entry_seq'::regclass)");
        assertThat(columnDefault("association_value_entry", "id"))
                .isEqualTo("nextval('association_value_entry_seq'::regclass)");
    }

    private String columnDefault(String table, String column) {
        return jdbc.queryForObject("""
                select column_default from information_schema.columns
                where table_schema = current_schema() and table_name = ? and column_name = ?
                """, String.class, table, column);
    }

    @Test
    void incrementsTheGlobalIndexSequenceByOne() {
        Long increment = jdbc.queryForObject(
                "select increment_by from pg_sequences where sequencename = 'domain_event_entry_seq'", Long.class);

        assertThat(increment).isEqualTo(1L);
    }

    /**
     * Another node appending between two of ours must land right between them. With Hibernate's default pooled
     * allocation of 50, this node would take its next index from a block reserved in advance, and the other node's
     * value would be about 50 ahead: the global order would no longer be the order of the appends.
     */
    @Test
    void sharesTheGlobalIndexDenselyWithAnotherWriter() {
        String first = createTenants(1).get(0);
        long otherNode = jdbc.queryForObject("select nextval('domain_event_entry_seq')", Long.class);
        String second = createTenants(1).get(0);

        long firstsLast = globalIndexOf(first, 1);
        assertThat(globalIndexOf(first, 0))
                .as("one creation, two consecutive events")
                .isEqualTo(firstsLast - 1);
        // other writers (sagas of earlier tests) may append in between, but never a pooled block of 50 numbers
        assertThat(otherNode).isGreaterThan(firstsLast).isLessThan(firstsLast + 10);
        long secondsFirst = globalIndexOf(second, 0);
        assertThat(secondsFirst).isGreaterThan(otherNode).isLessThan(otherNode + 10);
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where global_index = ?", Long.class, otherNode))
                .as("the number the other node drew is its own")
                .isZero();
    }

    private long globalIndexOf(String aggregateId, long sequenceNumber) {
        return jdbc.queryForObject(
                "select global_index from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                Long.class,
                aggregateId,
                sequenceNumber);
    }

    private List<String> createTenants(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            commands.sendAndWait(CreateTenantCommand.of(
                    id, "Schema " + i, "schema-" + id.substring(0, 8), TenantTier.POOLED, "schema-test"));
            ids.add(id);
        }
        return ids;
    }
}
