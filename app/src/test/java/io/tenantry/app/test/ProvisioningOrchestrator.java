package io.tenantry.app.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Plays the provisioning orchestrator for tests: reads Tenantry's provisioning requests from the Kafka topic, as a real
 * orchestrator would, and answers on the webhook, signed as it requires (hex HMAC-SHA256 of body + context id +
 * timestamp).
 */
public final class ProvisioningOrchestrator {

    public static final String SECRET = "orchestrator-test-secret";
    public static final String TOPIC = "tenantry.provisioning.requests";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Api api;
    private final String bootstrapServers;

    public ProvisioningOrchestrator(Api api, String bootstrapServers) {
        this.api = api;
        this.bootstrapServers = bootstrapServers;
    }

    /** Every request published for the tenant so far, oldest first, waiting until there are at least {@code count}. */
    public List<JsonNode> awaitRequests(String tenantId, int count) {
        return collect(
                        Set.of(tenantId),
                        found -> found.getOrDefault(tenantId, List.of()).size() >= count,
                        count + " provisioning requests for tenant " + tenantId)
                .getOrDefault(tenantId, List.of());
    }

    /**
     * The first request published for each of the tenants, waiting until every one has one: one pass over the topic
     * for all of them, for tests that provision many tenants at once.
     */
    public Map<String, JsonNode> awaitFirstRequests(Collection<String> tenantIds) {
        Map<String, List<JsonNode>> found = collect(
                Set.copyOf(tenantIds),
                requests -> requests.keySet().containsAll(tenantIds),
                "a provisioning request for each of " + tenantIds.size() + " tenants");
        Map<String, JsonNode> first = new LinkedHashMap<>();
        tenantIds.forEach(tenantId -> first.put(tenantId, found.get(tenantId).get(0)));
        return first;
    }

    /** The requests for these tenants on the topic, from its start, until {@code enough} says so (or 20 s passed). */
    private Map<String, List<JsonNode>> collect(
            Set<String> tenantIds, Predicate<Map<String, List<JsonNode>>> enough, String expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(20);
            while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.partitionsFor(TOPIC, Duration.ofSeconds(5))
                        .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<String, List<JsonNode>> requests = new HashMap<>();
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (tenantIds.contains(record.key())) {
                        requests.computeIfAbsent(record.key(), key -> new ArrayList<>())
                                .add(read(record.value()));
                    }
                }
                if (enough.test(requests)) {
                    return requests;
                }
            }
            throw new AssertionError("Expected " + expected + " within 20 s, got " + requests);
        }
    }

    /** The latest request for the tenant once there are {@code count}. */
    public JsonNode awaitRequest(String tenantId, int count) {
        List<JsonNode> requests = awaitRequests(tenantId, count);
        return requests.get(requests.size() - 1);
    }

    /** The body of an answer as the provisioning webhook takes it. */
    public static String body(String tenantId, boolean success, int type) {
        return "{\"status\":\"" + (success ? "success" : "failure") + "\",\"initiatorId\":\"" + tenantId
                + "\",\"type\":" + type + "}";
    }

    /** Posts an answer, signed for {@code contextId} at {@code timestamp} (epoch ms). */
    public Api.Response answer(String payload, String contextId, long timestamp) {
        return send(payload, sign(payload, contextId, Long.toString(timestamp)), Long.toString(timestamp));
    }

    /** Posts an answer signed now for the attempt. */
    public Api.Response answer(String tenantId, boolean success, int type, String contextId) {
        return answer(body(tenantId, success, type), contextId, System.currentTimeMillis());
    }

    public Api.Response send(String payload, String signature, String timestamp) {
        Api.Call call = api.post("/api/webhooks/provisioning").json(payload);
        if (signature != null) {
            call.header("x-signature", signature);
        }
        if (timestamp != null) {
            call.header("x-timestamp", timestamp);
        }
        return call.send();
    }

    public static String sign(String payload, String contextId, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of()
                    .formatHex(mac.doFinal((payload + contextId + timestamp).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
