package io.tenantry.app.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tenantry.app.privacy.PersonalDataProtector;
import io.tenantry.app.privacy.PrivacyConfiguration;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

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
     * Axon on plain JDBC, on the tables Flyway's V1_0 created (their names and columns as Axon's JPA entries had
     * them, every binary column {@code bytea}), in the transaction Spring runs for each unit of work: the event store
     * (one INSERT per event, the global index from the column's sequence default), tracking tokens and sagas. Axon's
     * JDBC auto-configuration builds them from these schemas. Tracking reads are bounded
     * ({@code global_index > ? and global_index <= ? + batch, or in (gaps)}): a token that carries gaps, say after
     * rolled-back appends, costs an index probe per poll, never a walk of the whole index.
     */
    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    public SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .associationValueEntryTable("association_value_entry")
                .sagaIdColumn("saga_id")
                .sagaTypeColumn("saga_type")
                .revisionColumn("revision")
                .serializedSagaColumn("serialized_saga")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .build());
    }

    /**
     * A second event with an aggregate's sequence number (a concurrent or stale writer) is a concurrency conflict,
     * not a failure: PostgreSQL says so with SQLState 23505 (unique violation).
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * A handler that fails must never be skipped (Axon's default logs the failure and moves on, so a read model
     * would silently miss the event): the failure propagates, the processor retries with back-off, and nothing is lost.
     */
    @Bean
    public ConfigurerModule failLoudlyInEveryProcessor() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance()));
    }

    /** Every pooled processor reads the store through {@link AwakeEventSource}, so new events wake it at once. */
    @Bean
    @ConditionalOnProperty(name = "tenantry.axon.wake-processors", havingValue = "true", matchIfMissing = true)
    public ConfigurerModule pooledProcessorsWakeOnNewEvents() {
        return configurer -> configurer
                .registerComponent(AwakeEventSource.class, c -> {
                    AwakeEventSource source = new AwakeEventSource(c.eventStore());
                    c.onShutdown(source::stop);
                    return source;
                })
                .eventProcessing(processing -> processing.registerPooledStreamingEventProcessorConfiguration(
                        (c, builder) -> builder.messageSource(c.getComponent(AwakeEventSource.class))));
    }

    /**
     * A pooled processor claims at most {@code thread-count} segments (Axon's own default is every segment it finds),
     * so two processes that each run a two-segment read model with {@code thread-count: 1} take one segment each.
     * (Only where there are more segments than threads: elsewhere the setting would change nothing.)
     */
    @Bean
    public ConfigurerModule pooledProcessorsClaimAtMostTheirThreadCount(EventProcessorProperties properties) {
        return configurer -> configurer.eventProcessing(processing -> properties
                .getProcessors()
                .forEach((name, settings) -> {
                    if (settings.getMode() == EventProcessorProperties.Mode.POOLED
                            && settings.getInitialSegmentCount() != null
                            && settings.getThreadCount() < settings.getInitialSegmentCount()) {
                        processing.registerPooledStreamingEventProcessorConfiguration(
                                name, (c, builder) -> builder.maxClaimedSegments(settings.getThreadCount()));
                    }
                }));
    }

    /**
     * The Subscription aggregate is snapshotted every {@code tenantry.axon.subscription-snapshot-every} events, so a
     * tenant with a long plan-change history still loads its subscription fast. (Tenants are not snapshotted: a
     * snapshot would hold their contacts' personal data outside the per-person encryption.)
     */
    @Bean
    public SnapshotTriggerDefinition subscriptionSnapshotTrigger(
            Snapshotter snapshotter, @Value("${tenantry.axon.subscription-snapshot-every:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    public CorrelationDataProvider actorAndCorrelation() {
        return new ActorAndCorrelationProvider();
    }

    @Bean
    public MessageDispatchInterceptor<CommandMessage<?>> commandOrigin() {
        return new RequestOriginInterceptor<>(true);
    }

    @Bean
    public MessageDispatchInterceptor<QueryMessage<?, ?>> queryOrigin() {
        return new RequestOriginInterceptor<>(false);
    }

    /** Events are read for years: unknown fields are ignored, times are ISO-8601 strings. */
    public static ObjectMapper axonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
