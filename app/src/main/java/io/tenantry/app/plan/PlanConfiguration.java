package io.tenantry.app.plan;

import io.tenantry.contracts.entitlement.Entitlement;
import io.tenantry.contracts.plan.Plan;
import io.tenantry.contracts.plan.PlanCatalogue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plan catalogue from configuration; a catalogue that does not add up stops the start with the reason. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlanProperties.class)
class PlanConfiguration {

    @Bean
    PlanCatalogue planCatalogue(PlanProperties properties) {
        List<PlanProperties.Entry> entries = properties.catalogue() == null ? List.of() : properties.catalogue();
        try {
            return new PlanCatalogue(
                    entries.stream().map(PlanConfiguration::plan).toList(), properties.defaultPlan());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tenantry.plans is not a usable plan catalogue: " + e.getMessage(), e);
        }
    }

    private static Plan plan(PlanProperties.Entry entry) {
        if (entry.maxMembers() == null || entry.maxTeams() == null) {
            throw new IllegalArgumentException("plan " + entry.id() + " needs max-members and max-teams");
        }
        return new Plan(
                entry.id(),
                entry.name() == null ? entry.id() : entry.name(),
                entry.price() == null ? BigDecimal.ZERO : entry.price(),
                entry.currency() == null ? "USD" : entry.currency(),
                entry.interval() == null ? "month" : entry.interval(),
                entry.maxMembers(),
                entry.maxTeams(),
                entry.stripePriceId(),
                entitlements(entry));
    }

    private static List<Entitlement> entitlements(PlanProperties.Entry entry) {
        List<Entitlement> entitlements = new ArrayList<>();
        for (String feature : entry.features() == null ? List.<String>of() : entry.features()) {
            entitlements.add(Entitlement.feature(feature, true));
        }
        for (Map.Entry<String, Long> limit : entry.limits() == null
                ? Map.<String, Long>of().entrySet()
                : entry.limits().entrySet()) {
            if (limit.getValue() == null) {
                throw new IllegalArgumentException(
                        "plan " + entry.id() + ": limit " + limit.getKey() + " needs a number");
            }
            entitlements.add(Entitlement.limit(limit.getKey(), limit.getValue()));
        }
        Map<String, PlanProperties.Quota> quotas = entry.quotas() == null ? Map.of() : entry.quotas();
        for (Map.Entry<String, PlanProperties.Quota> quota : quotas.entrySet()) {
            PlanProperties.Quota q = quota.getValue();
            if (q == null || q.limit() == null) {
                throw new IllegalArgumentException(
                        "plan " + entry.id() + ": quota " + quota.getKey() + " needs a limit");
            }
            entitlements.add(
                    Entitlement.quota(quota.getKey(), q.limit(), q.period(), q.enforcement(), q.stripeMeter()));
        }
        return entitlements;
    }
}
