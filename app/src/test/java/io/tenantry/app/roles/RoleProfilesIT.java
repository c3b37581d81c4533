package io.tenantry.app.roles;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.app.TenantryApplication;
import io.tenantry.app.test.TestProperties;
import io.tenantry.contracts.membership.MembershipQueries.ListMembersQuery;
import io.tenantry.contracts.tenant.FindTenantQuery;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Profiles {@code command} and {@code query} run one side each: writes route to the first, reads to the second
 * (docs/operations.md: a split deployment routes by method). Each starts its own context on the shared embedded
 * servers.
 */
class RoleProfilesIT {

    @Test
    void theCommandRoleServesWritesOnly() {
        try (ConfigurableApplicationContext context = start("command")) {
            Set<String> routes = routes(context);
            assertThat(routes).contains("POST /api/tenants").doesNotContain("GET /api/tenants/{tenantId}");
            assertThat(routes)
                    .contains("POST /scim/v2/Users", "PATCH /scim/v2/Groups/{id}", "GET /scim/v2/ServiceProviderConfig")
                    .doesNotContain("GET /scim/v2/Users", "GET /scim/v2/Users/{id}");
            assertThat(context.getBeanNamesForType(io.tenantry.projections.tenant.TenantDirectory.class))
                    .isEmpty();
            assertThat(context.getBean(org.axonframework.config.EventProcessingConfiguration.class)
                            .eventProcessors())
                    .as(
                            "only the command side's own lookups, sagas, cache eviction and webhook deliveries, no projection")
                    .containsOnlyKeys(
                            "tenant-slugs",
                            "tenant-api-keys",
                            "tenant-domain-claims",
                            "invitation-registry",
                            "billing-lookups",
                            "SubscriptionSagaProcessor",
                            "ProvisioningSagaProcessor",
                            "DomainRecheckSagaProcessor",
                            "aggregate-cache-eviction",
                            "webhook-endpoints",
                            "webhook-deliveries");
        }
    }

    @Test
    void theQueryRoleServesReadsAndRunsTheProjections() {
        try (ConfigurableApplicationContext context = start("query")) {
            Set<String> routes = routes(context);
            assertThat(routes).contains("GET /api/tenants/{tenantId}").doesNotContain("POST /api/tenants");
            assertThat(routes)
                    .contains("GET /scim/v2/Users", "GET /scim/v2/Groups/{id}", "GET /scim/v2/ServiceProviderConfig")
                    .doesNotContain("POST /scim/v2/Users", "PATCH /scim/v2/Users/{id}");
            assertThat(context.getBeanNamesForType(io.tenantry.projections.tenant.TenantDirectory.class))
                    .hasSize(1);
            assertThat(context.getBean(org.axonframework.config.EventProcessingConfiguration.class)
                            .eventProcessors())
                    .as("sagas send commands: they run on the command side only")
                    .doesNotContainKey("SubscriptionSagaProcessor")
                    .doesNotContainKey("ProvisioningSagaProcessor")
                    .doesNotContainKey("DomainRecheckSagaProcessor")
                    .as("the lifecycle topic is published from the event store, as the read models are built")
                    .containsKey("tenant-lifecycle-topic");
            assertThat(queryHandlers(context))
                    .as("a query process answers every query of the contracts")
                    .containsAll(queries());
        }
    }

    private static ConfigurableApplicationContext start(String profile) {
        // As command-line arguments: they must outrank application.yml, as @SpringBootTest's properties do.
        // The projection and the lifecycle publisher subscribe instead of tracking: in one JVM both contexts would
        // have the same token owner and this short-lived one would take the tracking token away from the shared test
        // context (and publish what it publishes a second time).
        String[] arguments = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(TestProperties.ALL),
                        java.util.stream.Stream.of(
                                "server.port=0",
                                "axon.eventhandling.processors.tenant-directory.mode=subscribing",
                                "axon.eventhandling.processors.tenant-lifecycle-topic.mode=subscribing",
                                // and the webhook deliveries are queued, and sent, by the shared test context alone
                                "axon.eventhandling.processors.webhook-deliveries.mode=subscribing",
                                "tenantry.webhooks.send=false"))
                .map(property -> "--" + property)
                .toArray(String[]::new);
        return new SpringApplicationBuilder(TenantryApplication.class)
                .profiles(profile)
                .run(arguments);
    }

    /** The queries the process's query bus has a handler for, by name (the query's class name). */
    private static Set<String> queryHandlers(ConfigurableApplicationContext context) {
        Map<String, ?> subscriptions =
                ReflectionTestUtils.invokeMethod(context.getBean(QueryBus.class), "getSubscriptions");
        return subscriptions == null ? Set.of() : subscriptions.keySet();
    }

    /** Every query of the contracts: a class of {@code io.tenantry.contracts} whose name ends in {@code Query}. */
    private static Set<String> queries() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*Query")));
        Set<String> queries = scanner.findCandidateComponents("io.tenantry.contracts").stream()
                .map(BeanDefinition::getBeanClassName)
                .collect(Collectors.toSet());
        assertThat(queries)
                .as("the contracts' queries, found")
                .contains(FindTenantQuery.class.getName(), ListMembersQuery.class.getName());
        return queries;
    }

    private static Set<String> routes(ConfigurableApplicationContext context) {
        return context
                .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
                .getHandlerMethods()
                .keySet()
                .stream()
                .flatMap(RoleProfilesIT::describe)
                .collect(Collectors.toSet());
    }

    private static java.util.stream.Stream<String> describe(RequestMappingInfo info) {
        return info.getMethodsCondition().getMethods().stream()
                .flatMap(method -> info.getPatternValues().stream().map(path -> method + " " + path));
    }
}
