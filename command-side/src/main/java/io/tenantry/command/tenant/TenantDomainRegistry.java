package io.tenantry.command.tenant;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.domains.TenantDomainAddedEvent;
import io.tenantry.contracts.domains.TenantDomainRemovedEvent;
import io.tenantry.contracts.domains.TenantDomainUnverifiedEvent;
import io.tenantry.contracts.domains.TenantDomainVerifiedEvent;
import io.tenantry.contracts.tenant.TenantDeletedEvent;
import java.util.Map;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One tenant per verified domain ({@code tenant_domain_claim}), as {@link TenantSlugRegistry} keeps slugs unique: a
 * subscribing processor runs these handlers in the command's own transaction and errors propagate, so a verification
 * of a domain another tenant holds fails and none of its events are stored. Concurrent claims of one domain queue on
 * its row; the first to commit wins. A domain is released when its tenant removes it, it stops verifying, or the
 * tenant is deleted. Adding a domain that another tenant holds is refused as well: it could never be verified.
 */
@Component
@ProcessingGroup(TenantDomainRegistry.PROCESSING_GROUP)
class TenantDomainRegistry {

    static final String PROCESSING_GROUP = "tenant-domain-claims";

    private final JdbcTemplate jdbc;

    TenantDomainRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TenantDomainAddedEvent event) {
        String holder = holder(event.domain());
        if (holder != null && !holder.equals(event.tenantId())) {
            throw taken(event.domain());
        }
    }

    @EventHandler
    void on(TenantDomainVerifiedEvent event) {
        int claimed = jdbc.update(
                "insert into tenant_domain_claim (domain, tenant_id) values (?, ?) on conflict (domain) do nothing",
                event.domain(),
                event.tenantId());
        if (claimed == 0 && !event.tenantId().equals(holder(event.domain()))) {
            throw taken(event.domain());
        }
    }

    @EventHandler
    void on(TenantDomainUnverifiedEvent event) {
        release(event.domain(), event.tenantId());
    }

    @EventHandler
    void on(TenantDomainRemovedEvent event) {
        release(event.domain(), event.tenantId());
    }

    @EventHandler
    void on(TenantDeletedEvent event) {
        jdbc.update("delete from tenant_domain_claim where tenant_id = ?", event.tenantId());
    }

    private void release(String domain, String tenantId) {
        jdbc.update("delete from tenant_domain_claim where domain = ? and tenant_id = ?", domain, tenantId);
    }

    private String holder(String domain) {
        return jdbc
                .queryForList("select tenant_id from tenant_domain_claim where domain = ?", String.class, domain)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private static DomainRefusal taken(String domain) {
        return new DomainRefusal(
                DomainRefusal.Kind.CONFLICT,
                "domain_taken",
                "Another tenant has verified " + domain + "; a domain belongs to one tenant at a time.",
                Map.of("domain", domain));
    }

    /** Subscribing (same thread, same transaction) and failing loudly: a lost claim must undo the command. */
    @Configuration(proxyBeanMethods = false)
    static class Processing {

        @Bean
        ConfigurerModule tenantDomainClaimProcessing() {
            return configurer -> configurer.eventProcessing(processing -> processing
                    .registerSubscribingEventProcessor(PROCESSING_GROUP)
                    .registerListenerInvocationErrorHandler(PROCESSING_GROUP, c -> PropagatingErrorHandler.instance()));
        }
    }
}
