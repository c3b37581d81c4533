package io.tenantry.app.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.app.test.IntegrationTest;
import io.tenantry.command.subscription.Subscription;
import java.util.Map;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A subscription with a long history is loaded from a snapshot (tests take one every 5 events), and decides exactly
 * as if it had replayed every event; the audit still reads the whole history, never the snapshot.
 */
class SubscriptionSnapshotIT extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private Serializer serializer;

    @Test
    void decidesFromASnapshotAsFromTheFullHistory() {
        String ownerToken = api.token(uniqueUser("owner"));
        String tenantId = BillingSupport.createTenant(api, ownerToken, uniqueSlug("snap"), null);
        BillingSupport.awaitSubscription(api, ownerToken, tenantId, body -> true);
        String[] plans = {"team", "business"};
        for (int i = 0; i < 12; i++) {
            assertThat(BillingSupport.changePlan(api, ownerToken, tenantId, plans[i % 2], "step " + i)
                            .status())
                    .isEqualTo(200);
        }

        Map<String, Object> snapshot = jdbc.queryForMap("""
                select payload, payload_type, payload_revision from snapshot_event_entry where aggregate_identifier = ?
                order by sequence_number desc limit 1""", "subscription-" + tenantId);
        Object restored = serializer.deserialize(new SimpleSerializedObject<>(
                (byte[]) snapshot.get("payload"), byte[].class, (String) snapshot.get("payload_type"), (String)
                        snapshot.get("payload_revision")));
        assertThat(restored).as("a snapshot was taken, and reads back").isInstanceOf(Subscription.class);
        assertThat(new String((byte[]) snapshot.get("payload"), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"tenantId\":\"" + tenantId + "\"")
                .contains("\"planId\":");
        var next = BillingSupport.changePlan(api, ownerToken, tenantId, "team", "after the snapshot")
                .json();
        assertThat(next.path("fromPlanId").asText())
                .as("the state the snapshot restored")
                .isEqualTo("business");
        assertThat(next.path("changed").asBoolean()).isTrue();
        assertThat(BillingSupport.changePlan(api, ownerToken, tenantId, "team", "again")
                        .json()
                        .path("changed")
                        .asBoolean())
                .isFalse();

        var history = api.get("/api/audit/tenants/" + tenantId + "/plan-changes?limit=100")
                .bearer(partnerAdmin())
                .send()
                .json();
        assertThat(history.path("total").asLong()).isEqualTo(13);
        assertThat(history.path("items").get(0).path("reason").asText()).isEqualTo("step 0");
        assertThat(history.path("items").get(12).path("reason").asText()).isEqualTo("after the snapshot");
    }
}
