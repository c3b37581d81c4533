package io.tenantry.app.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon wiring: Jackson for events, messages and sagas (with a mapper of its own, so the web's strict mapper and
 * Axon's tolerant one never mix), and the actor and correlation id on every message.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** The general serializer: sagas, tokens, dead letters. */
    @Bean
    @Primary
    public Serializer serializer(RevisionResolver revisionResolver) {
        return JacksonSerializer.builder()
                                .objectMapper(axonObjectMapper())
                                .revisionResolver(revisionResolver)
                                .lenientDeserialization()
                                .build();
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
    static ObjectMapper axonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
