package io.tenantry.app.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.app.test.Api;
import io.tenantry.app.test.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/** Making tenants, inviting addresses and reading the invitation mails, for the invitation tests. */
public final class InvitationSupport {

    private static final Pattern LINK = Pattern.compile("invitation=([0-9a-f-]{36})&token=([A-Za-z0-9_-]+)");

    private InvitationSupport() {}

    /** An invitation as it went out: its id, to whom, the token from its mail, its expiry. */
    public record Sent(String invitationId, String email, String token, Instant expiresAt) {}

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@example.com";
    }

    public static String createTenant(Api api, String ownerToken, String slug) {
        Api.Response created = api.post("/api/tenants")
                .bearer(ownerToken)
                .json(Map.of("name", "Invite Co " + slug, "slug", slug, "tier", "POOLED"))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    public static Api.Response invite(Api api, String token, String tenantId, String email, String role) {
        return api.post("/api/tenants/" + tenantId + "/invitations")
                .bearer(token)
                .json(Map.of("email", email, "role", role))
                .send();
    }

    /** Invites an address and fishes the token out of the mail it got. */
    public static Sent inviteAndReadMail(Api api, String token, String tenantId, String email, String role) {
        Api.Response created = invite(api, token, tenantId, email, role);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("mailSent").asBoolean()).isTrue();
        String invitationId = created.json().path("id").asText();
        return new Sent(
                invitationId,
                email,
                tokenIn(TestMail.awaitMessageTo(email), invitationId),
                Instant.parse(created.json().path("expiresAt").asText()));
    }

    public static String tokenIn(MimeMessage message, String invitationId) {
        try {
            Matcher link = LINK.matcher(String.valueOf(message.getContent()));
            assertThat(link.find()).as("an accept link in the mail").isTrue();
            assertThat(link.group(1)).isEqualTo(invitationId);
            return link.group(2);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Api.Response accept(Api api, String userToken, String invitationId, String token) {
        return api.post("/api/invitations/" + invitationId + "/accept")
                .bearer(userToken)
                .json(Map.of("token", token))
                .send();
    }

    /** The outcomes with which the tenant closed this invitation's seat, in order (from its event store). */
    public static List<String> closings(JdbcTemplate jdbc, String tenantId, String invitationId) {
        return jdbc.queryForList("""
                select convert_from(payload, 'UTF8')::jsonb ->> 'outcome' from domain_event_entry
                where aggregate_identifier = ? and payload_type = 'io.tenantry.contracts.tenant.InvitationClosedEvent'
                and convert_from(payload, 'UTF8')::jsonb ->> 'invitationId' = ? order by sequence_number
                """, String.class, tenantId, invitationId);
    }

    /** How often the tenant's event store says this user was added. */
    public static int membersAdded(JdbcTemplate jdbc, String tenantId, String userId) {
        Integer added = jdbc.queryForObject("""
                select count(*) from domain_event_entry where aggregate_identifier = ?
                and payload_type = 'io.tenantry.contracts.tenant.MemberAddedEvent'
                and convert_from(payload, 'UTF8')::jsonb ->> 'userId' = ?""", Integer.class, tenantId, userId);
        return added == null ? 0 : added;
    }
}
