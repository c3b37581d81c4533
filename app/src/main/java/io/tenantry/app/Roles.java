package io.tenantry.app;

import io.tenantry.command.CommandSideConfiguration;
import io.tenantry.projections.ProjectionsConfiguration;
import io.tenantry.projections.ReadModelWrites;
import io.tenantry.projections.entitlement.EntitlementDirectory;
import io.tenantry.query.QuerySideConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/**
 * Which side of the CQRS split this process runs: both by default, one with profile {@code command} or {@code query}.
 */
final class Roles {

    static final String COMMAND = "command";
    static final String QUERY = "query";

    private Roles() {}

    @Configuration(proxyBeanMethods = false)
    @Profile("!" + QUERY)
    @Import(CommandSideConfiguration.class)
    static class CommandRole {}

    /**
     * A command-only process reads the entitlements that hold for usage ingest from the same tables the query role
     * keeps (one database for both roles); where both run, the query role's beans serve.
     */
    @Configuration(proxyBeanMethods = false)
    @Profile(COMMAND)
    @Import({EntitlementDirectory.class, ReadModelWrites.class})
    static class CommandRoleReads {}

    @Configuration(proxyBeanMethods = false)
    @Profile("!" + COMMAND)
    @Import({ProjectionsConfiguration.class, QuerySideConfiguration.class})
    static class QueryRole {}
}
