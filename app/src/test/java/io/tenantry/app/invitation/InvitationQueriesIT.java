package io.tenantry.app.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.Processors;
import io.tenantry.contracts.privacy.Erasure;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The invitations read model: rebuilt from the event store it ends as it was; erasing the invitee scrubs it. */
class InvitationQueriesIT extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private EventStore eventStore;

    @Test
    void rebuildsToTheSameRowsFromTheEventStore() {
        String ownerToken = api.token(uniqueUser("owner"));
        String tenantId = InvitationSupport.createTenant(api, ownerToken, uniqueSlug("replay"));
        InvitationSupport.Sent accepted = InvitationSupport.inviteAndReadMail(
                api, ownerToken, tenantId, InvitationSupport.uniqueEmail("accepted"), "ADMIN");
        InvitationSupport.Sent revoked = InvitationSupport.inviteAndReadMail(
                api, ownerToken, tenantId, InvitationSupport.uniqueEmail("revoked"), "MEMBER");
        InvitationSupport.inviteAndReadMail(api, ownerToken, tenantId, InvitationSupport.uniqueEmail("open"), "MEMBER");
        assertThat(InvitationSupport.accept(
                                api, api.token(uniqueUser("joiner")), accepted.invitationId(), accepted.token())
                        .status())
                .isEqualTo(200);
        assertThat(api.call("DELETE", "/api/tenants/" + tenantId + "/invitations/" + revoked.invitationId())
                        .bearer(ownerToken)
                        .send()
                        .status())
                .isEqualTo(204);
        org.awaitility.Awaitility.await()
                .until(() -> rows(tenantId).stream()
                                        .filter(row -> "PENDING".equals(row.get("status")))
                                        .count()
                                == 1
                        && rows(tenantId).size() == 3);
        List<Map<String, Object>> before = rows(tenantId);
        assertThat(before)
                .extracting(row -> row.get("status"))
                .containsExactlyInAnyOrder("ACCEPTED", "REVOKED", "PENDING");

        Processors.replay(processing, eventStore, "invitation-directory");

        assertThat(rows(tenantId)).isEqualTo(before);
    }

    @Test
    void scrubsAnErasedInviteeAndFreesTheirAddress() {
        String ownerToken = api.token(uniqueUser("owner"));
        String tenantId = InvitationSupport.createTenant(api, ownerToken, uniqueSlug("erase"));
        String email = InvitationSupport.uniqueEmail("forget-me");
        InvitationSupport.inviteAndReadMail(api, ownerToken, tenantId, email, "MEMBER");
        String list = "/api/tenants/" + tenantId + "/invitations";
        awaitRead(list, ownerToken, page -> page.path("total").asLong() == 1);

        assertThat(api.call("DELETE", "/api/privacy/subjects?email=" + email)
                        .bearer(partnerAdmin())
                        .send()
                        .status())
                .isEqualTo(204);
        JsonNode scrubbed = awaitRead(
                list,
                ownerToken,
                page -> Erasure.MARKER.equals(
                        page.path("items").get(0).path("email").asText()));
        assertThat(scrubbed.path("items").get(0).path("role").asText()).isEqualTo("MEMBER");
        assertThat(jdbc.queryForObject(
                        "select count(*) from tenant_invitee where tenant_id = ?", Integer.class, tenantId))
                .as("the registry forgets the address too")
                .isZero();
    }

    private List<Map<String, Object>> rows(String tenantId) {
        return jdbc.queryForList("select * from invitation_directory where tenant_id = ? order by id", tenantId);
    }
}
