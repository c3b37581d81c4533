package io.tenantry.app.lifecycle;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A plain Kafka consumer of the lifecycle topic, as a late-joining consumer would be: a group of its own, from the
 * topic's beginning. It keeps every record it read, in the order read.
 */
public final class LifecycleTopicReader implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One record as read: key, content-type header and the CloudEvent. */
    public record Received(String key, String contentType, JsonNode event) {

        public String id() {
            return event.path("id").asText();
        }
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<Received> received = new ArrayList<>();

    public LifecycleTopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "lifecycle-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
                2_000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
        consumer.subscribe(List.of(topic));
    }

    /** Reads on until every one of these event ids came (bounded). */
    public void awaitIds(Collection<String> ids, Duration atMost) {
        Set<String> wanted = Set.copyOf(ids);
        await().atMost(atMost)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        Header contentType = record.headers().lastHeader("content-type");
                        received.add(new Received(
                                record.key(),
                                contentType == null ? null : new String(contentType.value(), StandardCharsets.UTF_8),
                                parse(record.value())));
                    }
                    return received.stream()
                            .map(Received::id)
                            .collect(java.util.stream.Collectors.toSet())
                            .containsAll(wanted);
                });
    }

    /** Reads what the topic has now (one poll). */
    public void poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
            Header contentType = record.headers().lastHeader("content-type");
            received.add(new Received(
                    record.key(),
                    contentType == null ? null : new String(contentType.value(), StandardCharsets.UTF_8),
                    parse(record.value())));
        }
    }

    /** Everything read so far, duplicates included. */
    public List<Received> all() {
        return List.copyOf(received);
    }

    /** One tenant's events in the order read, each id once (its first arrival): what a de-duplicating consumer sees. */
    public List<JsonNode> eventsOf(String tenantId) {
        Map<String, JsonNode> firstById = new LinkedHashMap<>();
        received.stream()
                .filter(record -> tenantId.equals(record.key()))
                .forEach(record -> firstById.putIfAbsent(record.id(), record.event()));
        return List.copyOf(firstById.values());
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON on the lifecycle topic: " + value, e);
        }
    }
}
