package io.tenantry.app;

import io.tenantry.command.CommandSideConfiguration;
import io.tenantry.projections.ProjectionsConfiguration;
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

    @Configuration(proxyBeanMethods = false)
    @Profile("!" + COMMAND)
    @Import({ProjectionsConfiguration.class, QuerySideConfiguration.class})
    static class QueryRole {}
}
