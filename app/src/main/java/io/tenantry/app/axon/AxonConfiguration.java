package io.tenantry.app.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tenantry.app.privacy.PersonalDataProtector;
import io.tenantry.app.privacy.PrivacyConfiguration;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;

/**
 * Axon wiring: Jackson for events, messages and sagas (with a mapper of its own, so the web's strict mapper and
 * Axon's tolerant one never mix), and the actor and correlation id on every message.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    static {
        // Event times to the millisecond, as Axon's event store keeps them (ISO text with three decimals): what a
        // command answers from the aggregate's state then equals what a later read or replay gives.
        GenericEventMessage.clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    /**
     * The one serializer for events, messages, sagas, tokens and dead letters: Jackson, with the personal data of
     * whatever it writes encrypted per data subject (crypto-shredding).
     */
    @Bean
    @Primary
    public Serializer serializer(RevisionResolver revisionResolver, PersonalDataProtector protector) {
        ObjectMapper objectMapper = axonObjectMapper();
        JacksonSerializer jackson = JacksonSerializer.builder()
                                                     .objectMapper(objectMapper)
                                                     .revisionResolver(revisionResolver)
                                                     .lenientDeserialization()
                                                     .build();
        return PrivacyConfiguration.protecting(jackson, objectMapper, protector);
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    /**
     * A handler that fails must never be skipped (Axon's default logs the failure and moves on, so a read model
     * would silently miss the event): the failure propagates, the processor retries with back-off, and nothing is lost.
     */
    @Bean
    public ConfigurerModule failLoudlyInEveryProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance()));
    }

    /**
     * The Subscription aggregate is snapshotted every {@code tenantry.axon.subscription-snapshot-every} events, so a
     * tenant with a long plan-change history still loads its subscription fast. (Tenants are not snapshotted: a
     * snapshot would hold their contacts' personal data outside the per-person encryption.)
     */
    @Bean
    public SnapshotTriggerDefinition subscriptionSnapshotTrigger(Snapshotter snapshotter,
            @Value("${tenantry.axon.subscription-snapshot-every:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    public CorrelationDataProvider actorAndCorrelation() {
        return new ActorAndCorrelationProvider();
    }

    @Bean
    public MessageDispatchInterceptor<CommandMessage<?>> commandOrigin() {
        return new RequestOriginInterceptor<>();
    }

    @Bean
    public MessageDispatchInterceptor<QueryMessage<?, ?>> queryOrigin() {
        return new RequestOriginInterceptor<>();
    }

    /** Events are read for years: unknown fields are ignored, times are ISO-8601 strings. */
    public static ObjectMapper axonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
