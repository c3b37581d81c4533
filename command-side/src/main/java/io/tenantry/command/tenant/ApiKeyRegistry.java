package io.tenantry.command.tenant;

import io.tenantry.contracts.apikey.ApiKeyCreatedEvent;
import io.tenantry.contracts.apikey.ApiKeyRevokedEvent;
import io.tenantry.contracts.tenant.TenantDeletedEvent;
import io.tenantry.contracts.tenant.TenantRestoredEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The keys requests are authenticated by ({@code tenant_api_key}): a subscribing processor writes them in the
 * command's own transaction, so a key authenticates as soon as its creation is answered, and not at all once its
 * revocation is (beyond the few seconds an authenticating process may remember it). A deleted tenant's keys
 * authenticate nothing until it is restored.
 */
@Component
@ProcessingGroup(ApiKeyRegistry.PROCESSING_GROUP)
class ApiKeyRegistry {

    static final String PROCESSING_GROUP = "tenant-api-keys";

    private final JdbcTemplate jdbc;

    ApiKeyRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ApiKeyCreatedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                """
                insert into tenant_api_key
                    (key_id, tenant_id, name, shown, secret_hash, scopes, created_by, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (key_id) do nothing""",
                event.keyId(),
                event.tenantId(),
                event.name(),
                event.shown(),
                HexFormat.of().parseHex(event.secretHash()),
                String.join(" ", event.scopes()),
                event.createdBy(),
                Timestamp.from(at),
                event.expiresAt() == null ? null : Timestamp.from(event.expiresAt()));
    }

    @EventHandler
    void on(ApiKeyRevokedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                "update tenant_api_key set revoked_by = ?, revoked_at = ? where key_id = ? and revoked_at is null",
                event.revokedBy(),
                Timestamp.from(at),
                event.keyId());
    }

    @EventHandler
    void on(TenantDeletedEvent event) {
        jdbc.update("update tenant_api_key set tenant_live = false where tenant_id = ?", event.tenantId());
    }

    @EventHandler
    void on(TenantRestoredEvent event) {
        jdbc.update("update tenant_api_key set tenant_live = true where tenant_id = ?", event.tenantId());
    }

    /** Subscribing (same thread, same transaction) and failing loudly: a key not written must undo its creation. */
    @Configuration(proxyBeanMethods = false)
    static class Processing {

        @Bean
        ConfigurerModule tenantApiKeyProcessing() {
            return configurer -> configurer.eventProcessing(processing -> processing
                    .registerSubscribingEventProcessor(PROCESSING_GROUP)
                    .registerListenerInvocationErrorHandler(PROCESSING_GROUP, c -> PropagatingErrorHandler.instance()));
        }
    }
}
