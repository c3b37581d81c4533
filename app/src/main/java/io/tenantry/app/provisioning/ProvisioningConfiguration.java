package io.tenantry.app.provisioning;

import io.tenantry.app.axon.AxonConfiguration;
import io.tenantry.command.provisioning.ProvisioningRequests;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The provisioning event connector on Kafka ({@code tenantry.provisioning.topic}, default
 * {@code tenantry.provisioning.requests}), with a producer of its own: every request acknowledged by all in-sync
 * replicas, idempotent, bounded in how long it waits for a broker.
 */
@Configuration(proxyBeanMethods = false)
class ProvisioningConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningConfiguration.class);

    @Bean
    NewTopic provisioningRequestsTopic(
            @Value("${tenantry.provisioning.topic:tenantry.provisioning.requests}") String topic,
            @Value("${tenantry.provisioning.topic-partitions:3}") int partitions) {
        return TopicBuilder.name(topic).partitions(partitions).build();
    }

    @Bean(destroyMethod = "close")
    Producer<String, String> provisioningRequestProducer(KafkaProperties properties) {
        Map<String, Object> config = properties.buildProducerProperties(null);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "tenantry-provisioning");
        return new KafkaProducer<>(config);
    }

    @Bean
    ProvisioningRequests provisioningRequests(
            Producer<String, String> provisioningRequestProducer,
            @Value("${tenantry.provisioning.topic:tenantry.provisioning.requests}") String topic,
            @Value("${tenantry.provisioning.webhook-secret:}") String secret) {
        if (secret.isBlank()) {
            log.warn(
                    "tenantry.provisioning.webhook-secret is not set: provisioning requests go to {}, but the "
                            + "orchestrator's answers (POST /api/webhooks/provisioning) are refused until it is",
                    topic);
        }
        return new KafkaProvisioningRequests(
                provisioningRequestProducer, AxonConfiguration.axonObjectMapper(), topic, Duration.ofSeconds(40));
    }
}
