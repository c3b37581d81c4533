package io.tenantry.bench.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.bench.reliability.EventStore.StoredEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The lifecycle topic read from its beginning by a plain consumer (a group of its own, as a late-joining consumer),
 * against the lifecycle events in the event store: every stored event published at least once, nothing published
 * that is not stored, each record keyed by its tenant, a duplicate only ever the same CloudEvent again (same id, same
 * content), and per tenant, once de-duplicated by id (first arrival kept), the store's order.
 */
final class LifecycleTopicCheck {

    static final String TOPIC = "tenantry.tenant-lifecycle";

    record Result(
            long records,
            int distinct,
            long duplicates,
            int expected,
            List<String> missing,
            List<String> unexpected,
            List<String> wrongKey,
            List<String> differingDuplicates,
            List<String> outOfOrder,
            double seconds) {

        boolean passed() {
            return missing.isEmpty()
                    && unexpected.isEmpty()
                    && wrongKey.isEmpty()
                    && differingDuplicates.isEmpty()
                    && outOfOrder.isEmpty();
        }
    }

    private LifecycleTopicCheck() {}

    /** Reads until every stored lifecycle event came (or {@code atMost} passed), then compares. */
    static Result check(String bootstrapServers, List<StoredEvent> stored, Duration atMost) throws IOException {
        long started = System.nanoTime();
        Set<String> wanted = stored.stream().map(StoredEvent::id).collect(Collectors.toSet());
        Map<String, String> firstValue = new HashMap<>();
        Map<String, List<String>> arrivalsByTenant = new HashMap<>();
        List<String> wrongKey = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        long records = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "reliability-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5_000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + atMost.toNanos();
            int emptyPollsAfterAll = 0;
            while (System.nanoTime() < deadline && emptyPollsAfterAll < 2) {
                var batch = consumer.poll(Duration.ofMillis(1_000));
                for (ConsumerRecord<String, String> record : batch) {
                    records++;
                    JsonNode event = Http.JSON.readTree(record.value());
                    String id = event.path("id").asText();
                    String subject = event.path("subject").asText();
                    if (!subject.equals(record.key())) {
                        wrongKey.add(id + " keyed " + record.key() + " for tenant " + subject);
                    }
                    String previous = firstValue.putIfAbsent(id, record.value());
                    if (previous == null) {
                        arrivalsByTenant
                                .computeIfAbsent(subject, k -> new ArrayList<>())
                                .add(id);
                    } else if (!Http.JSON.readTree(previous).equals(event)) {
                        differing.add(id);
                    }
                }
                if (firstValue.keySet().containsAll(wanted)) {
                    // all there: read on until the topic is quiet, to see late duplicates too
                    emptyPollsAfterAll = batch.isEmpty() ? emptyPollsAfterAll + 1 : 0;
                }
            }
        }
        List<String> missing = new ArrayList<>();
        Map<String, List<String>> storedByTenant = new LinkedHashMap<>();
        for (StoredEvent event : stored) {
            storedByTenant
                    .computeIfAbsent(event.tenantId(), k -> new ArrayList<>())
                    .add(event.id());
            if (!firstValue.containsKey(event.id())) {
                missing.add(event.type() + " " + event.id() + " of tenant " + event.tenantId() + " (sequence "
                        + event.sequence() + ", global index " + event.globalIndex() + ")");
            }
        }
        List<String> unexpected = firstValue.keySet().stream()
                .filter(id -> !wanted.contains(id))
                .sorted()
                .toList();
        List<String> outOfOrder = new ArrayList<>();
        storedByTenant.forEach((tenant, ids) -> {
            List<String> arrived = arrivalsByTenant.getOrDefault(tenant, List.of()).stream()
                    .filter(wanted::contains)
                    .toList();
            List<String> expected = ids.stream().filter(firstValue::containsKey).toList();
            if (!arrived.equals(expected)) {
                outOfOrder.add("tenant " + tenant + ": store order " + expected + ", topic order " + arrived);
            }
        });
        return new Result(
                records,
                firstValue.size(),
                records - firstValue.size(),
                wanted.size(),
                missing,
                List.copyOf(unexpected),
                wrongKey,
                differing,
                outOfOrder,
                (System.nanoTime() - started) / 1e9);
    }

    /** The result's counts and checks in the report. */
    static void report(Report report, Result result) {
        report.count(String.format(
                Locale.ROOT,
                "lifecycle events: stored %d -> published (distinct ids on the topic) %d; "
                        + "records read %d, of which duplicates %d (read in %.1f s)",
                result.expected(),
                result.distinct(),
                result.records(),
                result.duplicates(),
                result.seconds()));
        report.check(
                "every stored lifecycle event is on the topic",
                result.missing().isEmpty(),
                CommandCheck.first(result.missing()));
        report.check(
                "nothing on the topic that is not in the store",
                result.unexpected().isEmpty(),
                CommandCheck.first(result.unexpected()));
        report.check(
                "duplicates are the same CloudEvent (de-duplicable by id)",
                result.differingDuplicates().isEmpty(),
                CommandCheck.first(result.differingDuplicates()));
        report.check(
                "every record keyed by its tenant", result.wrongKey().isEmpty(), CommandCheck.first(result.wrongKey()));
        report.check(
                "per tenant, the store's order",
                result.outOfOrder().isEmpty(),
                CommandCheck.first(result.outOfOrder()));
    }
}
