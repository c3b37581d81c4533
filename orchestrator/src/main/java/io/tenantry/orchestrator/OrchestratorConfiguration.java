package io.tenantry.orchestrator;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The orchestrator's parts, from {@code tenantry.orchestrator.*}: its tables (Flyway, schemas {@code orchestrator} and
 * {@code tenant_pool}), the resources it builds, the webhook it answers on, and a Kafka consumer of the provisioning
 * topic in its own group. Bean names start with {@code orchestrator} so that it sits beside another application's beans.
 *
 * <ul>
 *   <li>{@code webhook-url}: Tenantry's {@code /api/webhooks/provisioning} (default: this process's own server)
 *   <li>{@code webhook-secret}: the secret shared with Tenantry (default {@code tenantry.provisioning.webhook-secret})
 *   <li>{@code credentials-secret}: what the tenants' role passwords are derived from (default: the webhook secret)
 *   <li>{@code topic} (default {@code tenantry.provisioning.topic}), {@code group-id}, {@code concurrency}
 *   <li>{@code max-request-age}: older requests are skipped (default 30 minutes, Tenantry's provisioning deadline)
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class OrchestratorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OrchestratorConfiguration.class);
    private static final String PREFIX = "tenantry.orchestrator.";

    @Bean
    OrchestratorSchema orchestratorSchema(DataSource dataSource) {
        return OrchestratorSchema.migrate(dataSource);
    }

    @Bean
    TenantResources orchestratorResources(
            OrchestratorSchema orchestratorSchema, DataSource dataSource, Environment environment) {
        TenantResources resources =
                new TenantResources(dataSource, new TenantCredentials(credentialsSecret(environment)));
        resources.preparePool();
        return resources;
    }

    @Bean
    ProvisioningRequestHandler orchestratorHandler(
            OrchestratorSchema orchestratorSchema,
            TenantResources orchestratorResources,
            DataSource dataSource,
            Environment environment) {
        WebhookAnswers answers = new WebhookAnswers(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                webhook(environment),
                webhookSecret(environment),
                Clock.systemUTC());
        return new ProvisioningRequestHandler(
                new RequestLog(new JdbcTemplate(dataSource)),
                orchestratorResources,
                answers,
                environment.getProperty(PREFIX + "max-request-age", Duration.class, Duration.ofMinutes(30)),
                Clock.systemUTC());
    }

    @Bean
    ConcurrentMessageListenerContainer<String, String> orchestratorConsumer(
            ProvisioningRequestHandler orchestratorHandler, KafkaProperties kafka, Environment environment) {
        Map<String, Object> config = kafka.buildConsumerProperties(null);
        config.put(
                ConsumerConfig.GROUP_ID_CONFIG, environment.getProperty(PREFIX + "group-id", "tenantry-orchestrator"));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "tenantry-orchestrator");
        String topic = environment.getProperty(
                PREFIX + "topic",
                environment.getProperty("tenantry.provisioning.topic", "tenantry.provisioning.requests"));
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setAckMode(ContainerProperties.AckMode.RECORD);
        properties.setMessageListener(
                (MessageListener<String, String>) record -> orchestratorHandler.handle(record.value()));
        ConcurrentMessageListenerContainer<String, String> container =
                new ConcurrentMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(config), properties);
        container.setConcurrency(environment.getProperty(PREFIX + "concurrency", Integer.class, 3));
        container.setBeanName("orchestratorConsumer");
        // a database or webhook away: the same record again, waiting longer each time (up to 30 s), for as long as it
        // takes; a record that is not a request is logged and skipped
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler errors = new DefaultErrorHandler(
                (record, e) -> log.error(
                        "Skipping record {} at offset {} of {}: {}",
                        record.key(),
                        record.offset(),
                        record.topic(),
                        e.getCause() == null ? e.getMessage() : e.getCause().getMessage()),
                backOff);
        errors.addNotRetryableExceptions(ProvisioningRequest.InvalidRequestException.class);
        errors.setLogLevel(org.springframework.kafka.KafkaException.Level.WARN);
        container.setCommonErrorHandler(errors);
        return container;
    }

    /** The webhook's address, read when an answer is sent: in-process, the server's port is known only once it runs. */
    private static Supplier<URI> webhook(Environment environment) {
        String configured = environment.getProperty(PREFIX + "webhook-url", "");
        if (!configured.isBlank()) {
            URI uri = URI.create(configured);
            return () -> uri;
        }
        return () -> URI.create("http://127.0.0.1:"
                + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"))
                + "/api/webhooks/provisioning");
    }

    private static String webhookSecret(Environment environment) {
        String secret = environment.getProperty(
                PREFIX + "webhook-secret", environment.getProperty("tenantry.provisioning.webhook-secret", ""));
        if (secret.isBlank()) {
            throw new IllegalStateException("The orchestrator needs the provisioning webhook's secret: set "
                    + "TENANTRY_ORCHESTRATOR_WEBHOOK_SECRET (the value of Tenantry's "
                    + "TENANTRY_PROVISIONING_WEBHOOK_SECRET)");
        }
        return secret;
    }

    private static String credentialsSecret(Environment environment) {
        String secret = environment.getProperty(PREFIX + "credentials-secret", "");
        return secret.isBlank() ? webhookSecret(environment) : secret;
    }
}
