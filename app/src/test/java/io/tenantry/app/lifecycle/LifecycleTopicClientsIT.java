package io.tenantry.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.NodeTools;
import io.tenantry.contracts.lifecycle.LifecycleNotice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle topic as clients Tenantry did not write read it: kafkajs consumes it and the CloudEvents JavaScript
 * SDK's Kafka binding turns every record into a CloudEvent, validated strictly ({@code src/test/lifecycle-clients},
 * versions pinned in its {@code package-lock.json}). Every record of a tenant is a valid CloudEvent 1.0, keyed by the
 * tenant, in the order the catch-up feed gives them.
 */
class LifecycleTopicClientsIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRecordIsAStrictlyValidCloudEventKeyedByItsTenantInOrder() throws Exception {
        String owner = api.token(uniqueUser("owner"));
        String tenant = send(
                        api.post("/api/tenants")
                                .bearer(owner)
                                .json(Map.of(
                                        "name", "Read Elsewhere", "slug", uniqueSlug("elsewhere"), "tier", "POOLED")),
                        201)
                .json()
                .path("id")
                .asText();
        send(api.call("PATCH", "/api/tenants/" + tenant).bearer(owner).json(Map.of("industry", "Radio")), 200);
        send(
                api.post("/api/tenants/" + tenant + "/members")
                        .bearer(owner)
                        .json(Map.of("userId", uniqueUser("member"), "role", "MEMBER")),
                201);
        String admin = partnerAdmin();
        List<String> feedIds = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> feedIdsOf(tenant, admin), ids -> ids.size() >= 4);
        assertThat(feedIds).as("the feed's events of the tenant").hasSize(4);

        NodeTools clients = NodeTools.install(
                Path.of("src/test/lifecycle-clients"), Path.of("target/lifecycle-clients"), "kafkajs");
        NodeTools.Result read = clients.run(
                "node",
                "check.mjs",
                environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                environment.getRequiredProperty("tenantry.lifecycle.topic"),
                tenant,
                "4");

        assertThat(read.exitCode()).as(read.output()).isZero();
        List<JsonNode> records = new ArrayList<>();
        for (String line :
                read.output().lines().filter(line -> line.startsWith("record ")).toList()) {
            records.add(JSON.readTree(line.substring("record ".length())));
        }
        assertThat(records).as(read.output()).hasSize(4).allSatisfy(record -> {
            assertThat(record.path("valid").asBoolean()).as("%s", record).isTrue();
            assertThat(record.path("specversion").asText()).isEqualTo("1.0");
            assertThat(record.path("key").asText()).isEqualTo(tenant);
            assertThat(record.path("subject").asText()).isEqualTo(tenant);
            assertThat(record.path("contentType").asText()).startsWith(LifecycleNotice.STRUCTURED_CONTENT_TYPE);
        });
        assertThat(records.stream().map(record -> record.path("id").asText()).toList())
                .as("the topic's order of the tenant's events is the feed's")
                .isEqualTo(feedIds);
        assertThat(records.stream()
                        .map(record -> record.path("tenantversion").asLong())
                        .toList())
                .isSorted();
    }

    /** The ids of the tenant's events in the catch-up feed, in its order (every page of it). */
    private List<String> feedIdsOf(String tenant, String admin) {
        return LifecycleFeedReader.read(api, admin, 0).stream()
                .filter(event -> tenant.equals(event.path("subject").asText()))
                .map(event -> event.path("id").asText())
                .toList();
    }

    private static Api.Response send(Api.Call call, int status) {
        Api.Response response = call.send();
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }
}
