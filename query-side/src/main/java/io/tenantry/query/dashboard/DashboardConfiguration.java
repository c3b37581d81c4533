package io.tenantry.query.dashboard;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dashboard's settings, and its {@code dashboard-stream} processor: one per node, from the head of the store. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DashboardProperties.class)
class DashboardConfiguration {

    /**
     * A token in memory, not in the shared token store: with a shared one, one node would claim the processor and the
     * streams open on the others would only hear of new events at their next poll.
     */
    @Bean
    ConfigurerModule dashboardStreamProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTokenStore(LifecycleStreamTrigger.PROCESSING_GROUP, c -> new InMemoryTokenStore())
                // it writes nothing: no database transaction per batch
                .registerTransactionManager(LifecycleStreamTrigger.PROCESSING_GROUP, c -> NoTransactionManager.INSTANCE)
                .registerPooledStreamingEventProcessorConfiguration(
                        LifecycleStreamTrigger.PROCESSING_GROUP,
                        (c, builder) -> builder.initialToken(StreamableMessageSource::createHeadToken)));
    }
}
