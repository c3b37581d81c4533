package io.tenantry.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.embedded.EmbeddedKafkaOutage;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.contracts.lifecycle.LifecycleNotice;
import io.tenantry.projections.lifecycle.LifecycleSchemas;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The tenant lifecycle topic end to end, on the embedded Kafka: a plain consumer reads every change of a tenant as a
 * CloudEvent, in order, with the catch-up feed's ids and content, each valid by its schema; and with the broker down
 * the writes still succeed, the publisher waits without moving on, and once the broker is back everything arrives.
 */
class LifecycleTopicIT extends IntegrationTest {

    private static final Duration DELIVERY = Duration.ofSeconds(60);

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void publishesEveryChangeInOrderAndLosesNothingWhileKafkaIsDown() {
        String owner = uniqueUser("owner");
        String ownerToken = api.token(owner);
        long start = feedHead();

        // a tenant's life while Kafka is up: created (its creator joins as OWNER), updated, a member, deleted
        String first = createTenant(ownerToken, "Lifecycle One");
        send(api.call("PATCH", "/api/tenants/" + first).bearer(ownerToken).json(Map.of("industry", "Logistics")), 200);
        send(
                api.post("/api/tenants/" + first + "/members")
                        .bearer(ownerToken)
                        .json(Map.of("userId", uniqueUser("member"), "role", "MEMBER")),
                201);
        send(api.call("DELETE", "/api/tenants/" + first).bearer(ownerToken), 204);
        List<JsonNode> firstInFeed = awaitFeed(start, first, 5);
        assertThat(types(firstInFeed)).containsExactly("created", "member-added", "updated", "member-added", "deleted");

        try (LifecycleTopicReader topic = new LifecycleTopicReader(bootstrapServers(), topicName())) {
            topic.awaitIds(ids(firstInFeed), DELIVERY);
            assertThat(topic.eventsOf(first))
                    .as("the topic has the feed's events, ids and content, in order")
                    .containsExactlyElementsOf(withoutPositions(firstInFeed));

            // another tenant's life while the broker is down: every write still succeeds, the publisher waits
            Optional<EmbeddedKafkaOutage> broker = EmbeddedKafkaOutage.of(environment);
            assumeTrue(broker.isPresent(), "the outage needs the embedded broker");
            List<JsonNode> secondInFeed;
            String second;
            broker.get().begin();
            try {
                second = createTenant(ownerToken, "Lifecycle Two");
                changeWhileKafkaIsDown(second, ownerToken);
                secondInFeed = awaitFeed(start, second, 9);
                long firstOfSecond = secondInFeed.get(0).path("position").asLong();
                Duration sendTimeout =
                        environment.getRequiredProperty("tenantry.lifecycle.send-timeout", Duration.class);
                // longer than one publication may wait: the publisher fails, retries, and still does not move on
                await("the publisher stays before the outage's first event")
                        .during(sendTimeout.plusSeconds(2))
                        .atMost(sendTimeout.plusSeconds(10))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> publisherPosition() < firstOfSecond);
                // writes go on, so the node stays ready; the overall health reports the broker
                assertThat(api.call("GET", "/actuator/health/readiness").send().status())
                        .as("readiness while Kafka is down")
                        .isEqualTo(200);
                await("health reports Kafka down")
                        .atMost(Duration.ofSeconds(20))
                        .until(() -> api.call("GET", "/actuator/health").send().status() == 503);
            } finally {
                broker.get().end();
            }
            assertThat(types(secondInFeed))
                    .containsExactly(
                            "created",
                            "member-added",
                            "updated",
                            "member-added",
                            "member-role-changed",
                            "team-created",
                            "team-member-added",
                            "deleted",
                            "restored");

            topic.awaitIds(ids(secondInFeed), DELIVERY);
            assertThat(topic.eventsOf(first)).containsExactlyElementsOf(withoutPositions(firstInFeed));
            assertThat(topic.eventsOf(second))
                    .as("nothing lost, nothing reordered while the broker was down")
                    .containsExactlyElementsOf(withoutPositions(secondInFeed));
            assertThat(secondInFeed)
                    .extracting(event -> event.path("tenantversion").asLong())
                    .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
            assertEveryRecordIsAValidLifecycleEvent(topic.all());
        }
    }

    @Test
    void keepsPersonalDataOffTheTopic() {
        String ownerToken = api.token(uniqueUser("owner"));
        long start = feedHead();
        String tenant = createTenant(
                ownerToken,
                "Private Matters",
                Map.of(
                        "contacts",
                                List.of(Map.of(
                                        "name",
                                        "Petra Private",
                                        "email",
                                        "petra@private.example",
                                        "phone",
                                        "+44 1632 960000",
                                        "primary",
                                        true)),
                        "address", Map.of("line1", "7 Hidden Road", "city", "Nowhere", "postalCode", "NW1 7HR"),
                        "settings", Map.of("secret-setting", "nobody-should-see")));
        send(
                api.call("PUT", "/api/tenants/" + tenant)
                        .bearer(ownerToken)
                        .json(Map.of(
                                "name",
                                "Private Matters",
                                "slug",
                                uniqueSlug("private"),
                                "contacts",
                                List.of(Map.of(
                                        "name", "Paul Private", "email", "paul@private.example", "primary", true)))),
                200);
        List<JsonNode> inFeed = awaitFeed(start, tenant, 3);

        try (LifecycleTopicReader topic = new LifecycleTopicReader(bootstrapServers(), topicName())) {
            topic.awaitIds(ids(inFeed), DELIVERY);
            assertThat(topic.eventsOf(tenant))
                    .extracting(JsonNode::toString)
                    .allSatisfy(event -> assertThat(event)
                            .doesNotContain(
                                    "Petra",
                                    "petra@",
                                    "1632",
                                    "Hidden Road",
                                    "Nowhere",
                                    "NW1",
                                    "Paul",
                                    "paul@",
                                    "secret-setting",
                                    "nobody-should-see"));
            assertThat(topic.eventsOf(tenant).get(0).path("data").path("name").asText())
                    .isEqualTo("Private Matters");
        }
    }

    private void changeWhileKafkaIsDown(String tenant, String ownerToken) {
        String member = uniqueUser("member");
        send(
                api.call("PATCH", "/api/tenants/" + tenant)
                        .bearer(ownerToken)
                        .json(Map.of("name", "Lifecycle Two Ltd")),
                200);
        send(
                api.post("/api/tenants/" + tenant + "/members")
                        .bearer(ownerToken)
                        .json(Map.of("userId", member, "role", "MEMBER")),
                201);
        send(
                api.call("PATCH", "/api/tenants/" + tenant + "/members/" + member)
                        .bearer(ownerToken)
                        .json(Map.of("role", "ADMIN")),
                200);
        String team = send(
                        api.post("/api/tenants/" + tenant + "/teams")
                                .bearer(ownerToken)
                                .json(Map.of("name", "Operations")),
                        201)
                .json()
                .path("teamId")
                .asText();
        send(
                api.post("/api/tenants/" + tenant + "/teams/" + team + "/members")
                        .bearer(ownerToken)
                        .json(Map.of("userId", member, "role", "LEAD")),
                201);
        send(api.call("DELETE", "/api/tenants/" + tenant).bearer(ownerToken), 204);
        send(api.post("/api/tenants/" + tenant + "/restore").bearer(partnerAdmin()), 200);
    }

    private void assertEveryRecordIsAValidLifecycleEvent(List<LifecycleTopicReader.Received> records) {
        assertThat(records).isNotEmpty().allSatisfy(record -> {
            assertThat(LifecycleSchemas.violations(record.event()))
                    .as("%s", record.event())
                    .isEmpty();
            assertThat(record.event().has("position")).as("a feed attribute").isFalse();
            assertThat(record.key()).isEqualTo(record.event().path("subject").asText());
            assertThat(record.contentType()).isEqualTo(LifecycleNotice.STRUCTURED_CONTENT_TYPE);
        });
    }

    /** The tenant's events in the catch-up feed after {@code start}, once there are {@code count} of them. */
    private List<JsonNode> awaitFeed(long start, String tenantId, int count) {
        String admin = partnerAdmin();
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> feed(start, admin).stream()
                                .filter(event ->
                                        tenantId.equals(event.path("subject").asText()))
                                .toList(),
                        events -> events.size() >= count);
    }

    /** Every event of the feed after {@code after}, page by page. */
    private List<JsonNode> feed(long after, String admin) {
        return LifecycleFeedReader.read(api, admin, after);
    }

    /** Where the feed ends now, read from the very beginning as a consumer rebuilding from zero would. */
    private long feedHead() {
        List<JsonNode> all = feed(0, partnerAdmin());
        return all.isEmpty() ? 0 : all.get(all.size() - 1).path("position").asLong();
    }

    private long publisherPosition() {
        StreamingEventProcessor publisher = processing
                .eventProcessor("tenant-lifecycle-topic", StreamingEventProcessor.class)
                .orElseThrow();
        return publisher.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(position -> position.orElse(0))
                .max()
                .orElse(0);
    }

    private String createTenant(String token, String name) {
        return createTenant(token, name, Map.of());
    }

    private String createTenant(String token, String name, Map<String, Object> more) {
        Map<String, Object> body = new java.util.HashMap<>(more);
        body.putAll(Map.of("name", name, "slug", uniqueSlug("lifecycle"), "tier", "POOLED"));
        return send(api.post("/api/tenants").bearer(token).json(body), 201)
                .json()
                .path("id")
                .asText();
    }

    private static Api.Response send(Api.Call call, int status) {
        Api.Response response = call.send();
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream()
                .map(event -> event.path("type")
                        .asText()
                        .replace("io.tenantry.tenant.", "")
                        .replace(".v1", ""))
                .toList();
    }

    /** The feed's events as Kafka has them: the position is the feed's own. */
    private static List<JsonNode> withoutPositions(List<JsonNode> events) {
        return events.stream()
                .map(event -> (JsonNode)
                        ((com.fasterxml.jackson.databind.node.ObjectNode) event.deepCopy()).without("position"))
                .toList();
    }

    private static List<String> ids(List<JsonNode> events) {
        return events.stream().map(event -> event.path("id").asText()).toList();
    }

    private String bootstrapServers() {
        return environment.getRequiredProperty("spring.kafka.bootstrap-servers");
    }

    private String topicName() {
        return environment.getRequiredProperty("tenantry.lifecycle.topic");
    }
}
