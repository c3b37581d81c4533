package io.tenantry.app.invitation;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** The whole invitation journey through a real SMTP server: invite, read the mail, accept, be a member. */
@ExtendWith(OutputCaptureExtension.class)
class InvitationJourneyIT extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void makesTheInviteeAMemberWithTheInvitedRole(CapturedOutput output) throws Exception {
        String owner = uniqueUser("owner");
        String ownerToken = api.token(owner);
        String slug = uniqueSlug("journey");
        String tenantId = InvitationSupport.createTenant(api, ownerToken, slug);
        String email = InvitationSupport.uniqueEmail("carol");

        Api.Response created = InvitationSupport.invite(api, ownerToken, tenantId, email, "ADMIN");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String invitationId = created.json().path("id").asText();
        assertThat(created.header("Location"))
                .hasValue("http://localhost:" + port + "/api/invitations/" + invitationId);
        assertThat(created.json().path("mailSent").asBoolean()).isTrue();
        assertThat(Instant.parse(created.json().path("expiresAt").asText()))
                .isCloseTo(Instant.now().plus(Duration.ofDays(7)), within(Duration.ofMinutes(1)));

        MimeMessage mail = TestMail.awaitMessageTo(email);
        assertThat(mail.getSubject()).isEqualTo("You are invited to join Invite Co " + slug);
        assertThat(String.valueOf(mail.getContent()))
                .contains("as admin")
                .contains("http://localhost:3000/invitations/accept?invitation=" + invitationId + "&token=");
        String token = InvitationSupport.tokenIn(mail, invitationId);

        String carol = uniqueUser("carol");
        String carolToken = api.tokenWithEmail(carol, email.toUpperCase());
        JsonNode open = awaitRead("/api/invitations/" + invitationId, carolToken, body -> true);
        assertThat(open.path("tenantName").asText()).isEqualTo("Invite Co " + slug);
        assertThat(open.path("role").asText()).isEqualTo("ADMIN");
        assertThat(open.path("status").asText()).isEqualTo("PENDING");
        assertThat(open.path("invitedBy").asText()).isEqualTo(owner);
        JsonNode list = awaitRead(
                "/api/tenants/" + tenantId + "/invitations",
                ownerToken,
                page -> page.path("total").asLong() == 1);
        assertThat(list.path("items").get(0).path("email").asText()).isEqualTo(email);

        Api.Response accepted = InvitationSupport.accept(api, carolToken, invitationId, token);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().path("tenantId").asText()).isEqualTo(tenantId);
        assertThat(accepted.json().path("userId").asText()).isEqualTo(carol);
        assertThat(accepted.json().path("role").asText()).isEqualTo("ADMIN");

        JsonNode membership = awaitRead("/api/tenants/" + tenantId + "/members/" + carol, ownerToken, body -> true);
        assertThat(membership.path("role").asText()).isEqualTo("ADMIN");
        awaitRead(
                "/api/tenants/" + tenantId + "/invitations",
                ownerToken,
                page -> page.path("total").asLong() == 0);
        assertProblem(
                api.get("/api/invitations/" + invitationId).bearer(ownerToken).send(), 404, "invitation_not_found");

        Api.Response again = InvitationSupport.accept(api, carolToken, invitationId, token);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(accepted.json());
        assertThat(jdbc.queryForObject("""
                select count(*) from domain_event_entry where aggregate_identifier = ?
                and payload_type = 'io.tenantry.contracts.tenant.MemberAddedEvent'
                and convert_from(payload, 'UTF8') like ?""", Integer.class, tenantId, "%\"" + carol + "\"%"))
                .as("one membership however often it is accepted")
                .isEqualTo(1);

        Integer stored = jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where convert_from(payload, 'UTF8') like ? or convert_from(meta_data, 'UTF8') like ?
                """, Integer.class, "%" + token + "%", "%" + token + "%");
        assertThat(stored).as("no plaintext token in the event store").isZero();
        assertThat(jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? and sequence_number = 0""", String.class, invitationId))
                .contains("tokenHash")
                .doesNotContain(email);
        assertThat(output.getAll()).as("no plaintext token in the log").doesNotContain(token);
    }
}
