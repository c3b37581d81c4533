package io.tenantry.projections.lifecycle;

import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The lifecycle events as CloudEvents (for the topic and the catch-up feed alike), and the topic's Kafka side: its
 * producer, and the topic itself (Spring's KafkaAdmin creates it if missing).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LifecycleProperties.class)
class LifecycleConfiguration {

    @Bean
    LifecycleCloudEvents lifecycleCloudEvents(LifecycleProperties properties) {
        return new LifecycleCloudEvents(properties.source());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "tenantry.lifecycle.publish", havingValue = "true", matchIfMissing = true)
    LifecycleTopic lifecycleTopic(KafkaProperties kafka, LifecycleProperties properties) {
        // spring.kafka.* (servers, security) as every client here has it; acks and timeouts are the topic's own
        return new LifecycleTopic(kafka.buildProducerProperties(null), properties);
    }

    @Bean
    @ConditionalOnProperty(name = "tenantry.lifecycle.publish", havingValue = "true", matchIfMissing = true)
    NewTopic tenantLifecycleTopic(LifecycleProperties properties) {
        // replication: the broker's default
        return new NewTopic(properties.topic(), Optional.of(properties.partitions()), Optional.empty());
    }
}
