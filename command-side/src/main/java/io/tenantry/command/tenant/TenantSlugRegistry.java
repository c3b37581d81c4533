package io.tenantry.command.tenant;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import io.tenantry.contracts.tenant.TenantDeletedEvent;
import io.tenantry.contracts.tenant.TenantRestoredEvent;
import io.tenantry.contracts.tenant.TenantUpdatedEvent;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Slug uniqueness among live tenants ({@code tenant_slug}). A subscribing processor runs these handlers in the
 * command's own transaction, and errors propagate: when a slug is taken the command fails and none of its events are
 * stored. Concurrent claims of one slug queue on its row; the first to commit wins, the others are refused.
 */
@Component
@ProcessingGroup(TenantSlugRegistry.PROCESSING_GROUP)
class TenantSlugRegistry {

    static final String PROCESSING_GROUP = "tenant-slugs";

    private final JdbcTemplate jdbc;

    TenantSlugRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TenantCreatedEvent event) {
        claim(event.slug(), event.tenantId());
    }

    @EventHandler
    void on(TenantUpdatedEvent event) {
        jdbc.update("delete from tenant_slug where tenant_id = ? and slug <> ?", event.tenantId(), event.slug());
        claim(event.slug(), event.tenantId());
    }

    @EventHandler
    void on(TenantDeletedEvent event) {
        jdbc.update("delete from tenant_slug where tenant_id = ?", event.tenantId());
    }

    @EventHandler
    void on(TenantRestoredEvent event) {
        claim(event.slug(), event.tenantId());
    }

    private void claim(String slug, String tenantId) {
        int claimed = jdbc.update(
                "insert into tenant_slug (slug, tenant_id) values (?, ?) on conflict (slug) do nothing",
                slug,
                tenantId);
        if (claimed == 0) {
            String holder = jdbc.queryForObject("select tenant_id from tenant_slug where slug = ?", String.class, slug);
            if (!tenantId.equals(holder)) {
                throw DomainRefusal.conflict("slug_taken", "A live tenant already uses the slug '" + slug + "'.");
            }
        }
    }

    /** Subscribing (same thread, same transaction) and failing loudly: a lost claim must undo the command. */
    @Configuration(proxyBeanMethods = false)
    static class Processing {

        @Bean
        ConfigurerModule tenantSlugProcessing() {
            return configurer -> configurer.eventProcessing(processing -> processing
                    .registerSubscribingEventProcessor(PROCESSING_GROUP)
                    .registerListenerInvocationErrorHandler(PROCESSING_GROUP, c -> PropagatingErrorHandler.instance()));
        }
    }
}
