package io.tenantry.app.webhooks;

import io.tenantry.app.mail.MailTransport;
import io.tenantry.app.privacy.PrivacySecret;
import io.tenantry.command.webhook.WebhookUrlPolicy;
import io.tenantry.projections.audit.AuditTrail;
import io.tenantry.projections.lifecycle.LifecycleCloudEvents;
import io.tenantry.projections.lifecycle.LifecycleProperties;
import java.util.List;
import okhttp3.Dns;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Customer webhooks. The command role keeps the endpoints' table (in the command's transaction), queues the
 * deliveries from the event store (processor {@code webhook-deliveries}), sends them, and resends and replays them:
 * the sender disables failing endpoints by command, which only the command role can send. The query role answers the
 * lists. Both read the same database.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WebhookProperties.class, LifecycleProperties.class})
class WebhookConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

    @Bean
    WebhookUrlPolicy webhookUrlPolicy(WebhookProperties properties) {
        if (properties.allowPrivate()) {
            log.warn("Webhooks may go to http:// and private addresses (tenantry.webhooks.allow-private): a test or"
                    + " benchmark set-up, never one for production");
        }
        return new WebhookUrlPolicy(properties.allowPrivate());
    }

    @Configuration(proxyBeanMethods = false)
    @Profile("!query")
    static class CommandRole {

        @Bean
        WebhookSecretBox webhookSecretBox(PrivacySecret secret) {
            return new WebhookSecretBox(secret);
        }

        @Bean
        WebhookEndpointRegistry webhookEndpointRegistry(JdbcTemplate jdbc, WebhookSecretBox secrets) {
            return new WebhookEndpointRegistry(jdbc, secrets);
        }

        /** Subscribing (same thread, same transaction) and failing loudly: an endpoint not written undoes its event. */
        @Bean
        ConfigurerModule webhookEndpointProcessing() {
            return configurer -> configurer.eventProcessing(processing -> processing
                    .registerSubscribingEventProcessor(WebhookEndpointRegistry.PROCESSING_GROUP)
                    .registerListenerInvocationErrorHandler(
                            WebhookEndpointRegistry.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance()));
        }

        /** The lifecycle events as the topic tells them (mapped here too: a command-only process has no projections). */
        @Bean
        LifecycleWebhookSource lifecycleWebhookSource(LifecycleProperties lifecycle) {
            return new LifecycleWebhookSource(new LifecycleCloudEvents(lifecycle.source()));
        }

        /** The tenants' audit entries (built here too: a command-only process has no projections). */
        @Bean
        AuditWebhookSource auditWebhookSource(LifecycleProperties lifecycle) {
            return new AuditWebhookSource(new AuditTrail(lifecycle.source()));
        }

        @Bean
        WebhookDeliveryStore webhookDeliveryStore(JdbcTemplate jdbc) {
            return new WebhookDeliveryStore(jdbc);
        }

        @Bean
        WebhookDeliveryProcessor webhookDeliveryProcessor(
                List<WebhookEventSource> sources,
                JdbcTemplate jdbc,
                WebhookDeliveryStore store,
                WebhookProperties properties,
                ObjectProvider<WebhookSender> sender) {
            return new WebhookDeliveryProcessor(
                    sources,
                    new MatchingEndpoints(jdbc),
                    store,
                    properties,
                    () -> sender.ifAvailable(WebhookSender::wake));
        }

        @Bean
        WebhookDeliveries webhookDeliveries(
                WebhookDeliveryStore store,
                JdbcTemplate jdbc,
                EventStore events,
                List<WebhookEventSource> sources,
                WebhookProperties properties,
                PlatformTransactionManager transactions) {
            return new WebhookDeliveries(store, jdbc, events, sources, properties, transactions);
        }

        @Bean
        @ConditionalOnProperty(name = "tenantry.webhooks.send", havingValue = "true", matchIfMissing = true)
        WebhookSender webhookSender(
                WebhookDeliveryStore store,
                WebhookSecretBox secrets,
                WebhookProperties properties,
                CommandGateway commands,
                MailTransport mail) {
            return new WebhookSender(
                    store, secrets, properties, new FailingEndpoints(store, commands, mail), Dns.SYSTEM);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Profile("!command")
    static class QueryRole {

        @Bean
        WebhookQueryHandler webhookQueryHandler(JdbcTemplate jdbc) {
            return new WebhookQueryHandler(jdbc);
        }
    }
}
