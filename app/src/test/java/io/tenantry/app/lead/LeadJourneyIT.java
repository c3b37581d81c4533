package io.tenantry.app.lead;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** The whole lead journey through a real SMTP server: register, read the mail, verify, become a tenant. */
@ExtendWith(OutputCaptureExtension.class)
class LeadJourneyIT extends IntegrationTest {

    private static final Pattern INVITATION_LINK = Pattern.compile("invitation=([0-9a-f-]{36})&token=([A-Za-z0-9_-]+)");

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void turnsAVerifiedLeadIntoItsTenant(CapturedOutput output) throws Exception {
        String email = LeadSupport.uniqueEmail();
        LeadSupport.Registered lead = LeadSupport.register(api, email);
        MimeMessage mail = TestMail.awaitMessageTo(email);
        assertThat(mail.getSubject()).isEqualTo("Confirm your e-mail address");
        assertThat(String.valueOf(mail.getContent()))
                .contains("http://localhost:3000/onboarding/verify?lead=" + lead.leadId());

        Api.Response verified = api.post("/api/leads/" + lead.leadId() + "/verify")
                .json(Map.of("code", lead.code()))
                .send();
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        String token = verified.json().path("token").asText();
        assertThat(Instant.parse(verified.json().path("expiresAt").asText()))
                .isAfter(Instant.now().plusSeconds(3500));

        String slug = uniqueSlug("from-lead");
        Api.Response tenant = api.post("/api/leads/" + lead.leadId() + "/tenants")
                .bearer(token)
                .json(Map.of("name", "Lead Co", "slug", slug, "tier", "SILOED"))
                .send();
        assertThat(tenant.status()).as(tenant.toString()).isEqualTo(201);
        String tenantId = tenant.json().path("id").asText();
        assertThat(tenant.header("Location")).hasValue("http://localhost:" + port + "/api/tenants/" + tenantId);
        assertThat(tenant.json().path("leadId").asText()).isEqualTo(lead.leadId());
        assertThat(tenant.json().path("tier").asText()).isEqualTo("SILOED");

        String admin = partnerAdmin();
        JsonNode read = awaitRead("/api/tenants/" + tenantId, admin, body -> true);
        JsonNode contact = read.path("contacts").get(0);
        assertThat(contact.path("email").asText()).isEqualTo(email);
        assertThat(contact.path("name").asText()).isEqualTo("Lena Lead");
        assertThat(contact.path("primary").asBoolean()).isTrue();
        JsonNode owner = awaitRead("/api/tenants/" + tenantId + "/members/lead:" + lead.leadId(), admin, body -> true);
        assertThat(owner.path("role").asText()).isEqualTo("OWNER");
        String etag = tenant.header("ETag").orElseThrow();
        awaitRead(
                "/api/tenants/" + tenantId,
                admin,
                body -> etag.equals("\"" + body.path("version").asLong() + "\""));
        JsonNode leadView = awaitRead(
                "/api/leads/" + lead.leadId(),
                admin,
                body -> "CONVERTED".equals(body.path("status").asText()));
        assertThat(leadView.path("tenantId").asText()).isEqualTo(tenantId);
        assertThat(leadView.path("verifiedAt").isNull()).isFalse();

        assertProblem(
                api.post("/api/leads/" + lead.leadId() + "/tenants")
                        .bearer(token)
                        .json(Map.of("name", "Again", "slug", uniqueSlug("again"), "tier", "POOLED"))
                        .send(),
                409,
                "lead_already_converted");

        // the lead's address got an OWNER invitation: its user takes the placeholder's seat over
        MimeMessage invitation = TestMail.awaitMessageTo(email, "You are invited to join");
        assertThat(invitation.getSubject()).isEqualTo("You are invited to join Lead Co");
        Matcher link = INVITATION_LINK.matcher(String.valueOf(invitation.getContent()));
        assertThat(link.find())
                .as("an accept link in %s", invitation.getContent())
                .isTrue();
        assertThat(String.valueOf(invitation.getContent())).contains("as owner");
        String lena = uniqueUser("lena");
        Api.Response accepted = api.post("/api/invitations/" + link.group(1) + "/accept")
                .bearer(api.tokenWithEmail(lena, email))
                .json(Map.of("token", link.group(2)))
                .send();
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().path("role").asText()).isEqualTo("OWNER");
        awaitRead(
                "/api/tenants/" + tenantId + "/members/" + lena,
                admin,
                body -> "OWNER".equals(body.path("role").asText()));
        JsonNode members = awaitRead(
                "/api/tenants/" + tenantId + "/members",
                admin,
                page -> page.path("total").asLong() == 1);
        assertThat(members.path("items").get(0).path("userId").asText())
                .as("the placeholder left")
                .isEqualTo(lena);

        String codeAndToken = lead.code() + "|" + token;
        for (String secret : codeAndToken.split("\\|")) {
            Integer stored = jdbc.queryForObject("""
                    select count(*) from domain_event_entry
                    where convert_from(payload, 'UTF8') like ? or convert_from(meta_data, 'UTF8') like ?
                    """, Integer.class, "%" + secret + "%", "%" + secret + "%");
            assertThat(stored)
                    .as("no plaintext code or token in the event store")
                    .isZero();
            assertThat(output.getAll())
                    .as("no plaintext code or token in the log")
                    .doesNotContain(secret);
        }
        String createdEvent = jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? and sequence_number = 0""", String.class, lead.leadId());
        assertThat(createdEvent).contains("codeHash").doesNotContain(email).doesNotContain("Lena Lead");
    }

    @Test
    void keepsALeadVerifiedWhenItsTenantCannotBeMadeAndLetsItTryAgain() {
        String taken = uniqueSlug("taken");
        assertThat(api.post("/api/tenants")
                        .bearer(api.token(uniqueUser("someone")))
                        .json(Map.of("name", "Taken", "slug", taken, "tier", "POOLED"))
                        .send()
                        .status())
                .isEqualTo(201);
        LeadSupport.Registered lead = LeadSupport.register(api, LeadSupport.uniqueEmail());
        String token = LeadSupport.verify(api, lead);

        assertProblem(
                api.post("/api/leads/" + lead.leadId() + "/tenants")
                        .bearer(token)
                        .json(Map.of("name", "Lead Co", "slug", taken, "tier", "POOLED"))
                        .send(),
                409,
                "slug_taken");
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ?"
                                + " and payload_type like '%LeadConvertedEvent'",
                        Integer.class, lead.leadId()))
                .as("the conversion was undone with the tenant")
                .isZero();

        Api.Response retried = api.post("/api/leads/" + lead.leadId() + "/tenants")
                .bearer(token)
                .json(Map.of("name", "Lead Co", "slug", uniqueSlug("free"), "tier", "POOLED"))
                .send();
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
    }

    @Test
    void makesExactlyOneTenantOfTwoConcurrentConverts() throws Exception {
        LeadSupport.Registered lead = LeadSupport.register(api, LeadSupport.uniqueEmail());
        String token = LeadSupport.verify(api, lead);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> converts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String slug = uniqueSlug("race");
                converts.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/leads/" + lead.leadId() + "/tenants")
                            .bearer(token)
                            .json(Map.of("name", "Racer", "slug", slug, "tier", "POOLED"))
                            .send();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var convert : converts) {
                statuses.add(convert.get().status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("""
                select count(*) from domain_event_entry where payload_type like '%TenantCreatedEvent'
                and convert_from(payload, 'UTF8') like ?""", Integer.class, "%\"leadId\":\"" + lead.leadId() + "\"%"))
                .as("one tenant for the lead")
                .isEqualTo(1);
    }
}
