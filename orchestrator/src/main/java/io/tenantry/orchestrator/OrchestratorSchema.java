package io.tenantry.orchestrator;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The orchestrator's tables, migrated by a Flyway of its own ({@code classpath:db/orchestrator}, history in schema
 * {@code orchestrator}): beside an application's own Flyway, never in its place.
 */
public final class OrchestratorSchema {

    private OrchestratorSchema() {}

    public static OrchestratorSchema migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas("orchestrator", "tenant_pool")
                .locations("classpath:db/orchestrator")
                .load()
                .migrate();
        return new OrchestratorSchema();
    }
}
