package io.tenantry.projections.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.tenantry.contracts.lifecycle.LifecycleNotice;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The tenant lifecycle topic: one record per event, keyed by tenant id (so one tenant's events share a partition and
 * keep their order), its value the CloudEvent in structured JSON (CloudEvents' Kafka protocol binding in structured
 * mode, written by the CloudEvents SDK: header {@code content-type: application/cloudevents+json}; structured because
 * the value alone then is the whole event, as the catch-up feed gives it). {@link #send} hands a record to the producer
 * and
 * {@link #await} returns only once the broker has them all (acks=all, idempotent producer), and fails after
 * {@code tenantry.lifecycle.send-timeout} otherwise.
 */
public class LifecycleTopic implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFormat FORMAT = new JsonFormat();
    private static final String TENANT_VERSION = "tenantversion";
    /** Beyond the producer's own delivery timeout, so that the producer's answer (not ours) says what went wrong. */
    private static final long ANSWER_MARGIN_MS = 2_000;

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final long waitMs;

    LifecycleTopic(Map<String, Object> clientProperties, LifecycleProperties properties) {
        this.producer = new KafkaProducer<>(producerProperties(clientProperties, properties.sendTimeout()));
        this.topic = properties.topic();
        this.waitMs = properties.sendTimeout().toMillis() + ANSWER_MARGIN_MS;
    }

    /** Hands the event to the producer without waiting; {@link #await} waits for its acknowledgement. */
    Sent send(LifecycleNotice event) {
        ProducerRecord<String, byte[]> record = record(topic, event);
        try {
            return new Sent(event, producer.send(record));
        } catch (KafkaException e) {
            throw new NotAcknowledgedException(event, e);
        }
    }

    /**
     * Waits until the broker has acknowledged every one of these sends, all within one send timeout; throws for the
     * first that failed or did not answer in time. The producer keeps the order of one key's records (idempotent,
     * acks=all), so a batch sent this way reaches the topic in the order it was sent, per tenant.
     */
    void await(List<Sent> sends) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        for (Sent sent : sends) {
            try {
                sent.acknowledgement().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new NotAcknowledgedException(sent.event(), e.getCause());
            } catch (TimeoutException e) {
                throw new NotAcknowledgedException(sent.event(), e);
            } catch (InterruptedException e) {
                // the processor is shutting down: the events stay unpublished and the token where it was
                Thread.currentThread().interrupt();
                throw new NotAcknowledgedException(sent.event(), e);
            }
        }
    }

    /** One event handed to the producer, and the broker's answer to come. */
    record Sent(LifecycleNotice event, Future<RecordMetadata> acknowledgement) {}

    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }

    /** The record of one event: keyed by its tenant, the CloudEvent in structured JSON. */
    static ProducerRecord<String, byte[]> record(String topic, LifecycleNotice event) {
        return KafkaMessageFactory.createWriter(topic, null, null, event.subject())
                .writeStructured(cloudEvent(event), FORMAT);
    }

    /**
     * The event for the CloudEvents SDK: the feed's attributes, {@code tenantversion} as an extension of CloudEvents'
     * Integer type (32 bits: the SDK writes a wider number as a string).
     */
    public static CloudEvent cloudEvent(LifecycleNotice event) {
        return CloudEventBuilder.v1()
                .withId(event.id())
                .withSource(URI.create(event.source()))
                .withType(event.type())
                .withSubject(event.subject())
                .withTime(OffsetDateTime.parse(event.time()))
                .withExtension(TENANT_VERSION, Math.toIntExact(event.tenantversion()))
                .withData(event.datacontenttype(), JsonCloudEventData.wrap(JSON.valueToTree(event.data())))
                .build();
    }

    private static Map<String, Object> producerProperties(Map<String, Object> clientProperties, Duration sendTimeout) {
        Map<String, Object> config = new HashMap<>(clientProperties);
        int timeoutMs = Math.toIntExact(sendTimeout.toMillis());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "tenantry-lifecycle");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // nothing counts as sent before every in-sync replica has it; retries never duplicate nor reorder
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // bounded waits: a dead broker fails a publication (the processor retries it) instead of holding its
        // thread, and the application's shutdown, for the producer's default minute or two
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 5_000));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        // while the broker is away, try to reconnect about every two seconds, not every 50 ms (each try logs)
        config.put(ProducerConfig.RECONNECT_BACKOFF_MS_CONFIG, 250);
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        return config;
    }

    /** The broker did not acknowledge a lifecycle event in time; the processor will try it again. */
    static final class NotAcknowledgedException extends RuntimeException {

        NotAcknowledgedException(LifecycleNotice event, Throwable cause) {
            super(
                    "Lifecycle event " + event.id() + " (" + event.type() + ") was not acknowledged by Kafka: " + cause,
                    cause);
        }
    }
}
