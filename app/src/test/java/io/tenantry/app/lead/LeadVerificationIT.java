package io.tenantry.app.lead;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.TestMail;
import io.tenantry.command.secret.OneTimeSecrets;
import io.tenantry.contracts.lead.CreateLeadCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Verification over HTTP: wrong codes counted, the lock, a new code replacing the old, and expiry by deadline. */
class LeadVerificationIT extends IntegrationTest {

    @Autowired
    private CommandGateway commands;

    @Test
    void countsWrongCodesThenLocksTheLead() {
        LeadSupport.Registered lead = LeadSupport.register(api, LeadSupport.uniqueEmail());

        JsonNode wrong = assertProblem(verify(lead.leadId(), "not-the-code"), 400, "invalid_verification_code");
        assertThat(wrong.path("attemptsLeft").asInt()).isEqualTo(4);
        for (int i = 0; i < 3; i++) {
            assertProblem(verify(lead.leadId(), "still-wrong"), 400, "invalid_verification_code");
        }
        JsonNode locked = assertProblem(verify(lead.leadId(), "last-try"), 409, "lead_locked");
        assertThat(locked.path("detail").asText()).contains("too many wrong codes");
        assertProblem(verify(lead.leadId(), lead.code()), 409, "lead_locked");
        assertProblem(
                api.post("/api/leads/" + lead.leadId() + "/resend-verification").send(), 409, "lead_locked");
        awaitRead(
                "/api/leads/" + lead.leadId(),
                partnerAdmin(),
                body -> "LOCKED".equals(body.path("status").asText()));
    }

    @Test
    void replacesTheCodeOnResend() throws Exception {
        String email = LeadSupport.uniqueEmail();
        LeadSupport.Registered lead = LeadSupport.register(api, email);

        Api.Response resent =
                api.post("/api/leads/" + lead.leadId() + "/resend-verification").send();
        assertThat(resent.status()).as(resent.toString()).isEqualTo(202);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> TestMail.messagesTo(email).size() == 2);
        String newCode = LeadSupport.codeIn(TestMail.messagesTo(email).get(1), lead.leadId());
        assertThat(newCode).isNotEqualTo(lead.code());

        assertProblem(verify(lead.leadId(), lead.code()), 400, "invalid_verification_code");
        assertThat(verify(lead.leadId(), newCode).status()).isEqualTo(200);
    }

    @Test
    void expiresAnUnverifiedLeadByItsDeadline() {
        String leadId = UUID.randomUUID().toString();
        String code = OneTimeSecrets.newSecret();
        commands.sendAndWait(new CreateLeadCommand(
                leadId,
                "Slow Lead",
                LeadSupport.uniqueEmail(),
                "Slow Co",
                null,
                OneTimeSecrets.hash(code),
                Instant.now().plusSeconds(1)));

        awaitRead(
                "/api/leads/" + leadId,
                partnerAdmin(),
                body -> "EXPIRED".equals(body.path("status").asText()));
        assertProblem(verify(leadId, code), 409, "lead_expired");
    }

    @Test
    void refusesAnExpiredCodeOfALeadNotYetExpired() {
        String leadId = UUID.randomUUID().toString();
        String code = OneTimeSecrets.newSecret();
        commands.sendAndWait(new CreateLeadCommand(
                leadId,
                "Late Lead",
                LeadSupport.uniqueEmail(),
                "Late Co",
                null,
                OneTimeSecrets.hash(code),
                Instant.now().minusSeconds(1)));

        Api.Response response = verify(leadId, code);
        assertThat(response.status()).isIn(409);
        assertThat(response.json().path("code").asText()).isIn("verification_code_expired", "lead_expired");
    }

    @Test
    void refusesBadRequestsAndUnknownLeads() {
        assertProblem(
                api.post("/api/leads")
                        .json(Map.of("name", "X", "email", "nope", "companyName", "Y"))
                        .send(),
                400,
                "validation_failed");
        assertProblem(
                api.post("/api/leads")
                        .json(Map.of("name", "X", "email", "x@example.com"))
                        .send(),
                400,
                "validation_failed");
        assertProblem(verify(UUID.randomUUID().toString(), "code"), 404, "not_found");
        assertProblem(
                api.post("/api/leads/" + UUID.randomUUID() + "/verify")
                        .json(Map.of())
                        .send(),
                400,
                "validation_failed");
    }

    private Api.Response verify(String leadId, String code) {
        return api.post("/api/leads/" + leadId + "/verify")
                .json(Map.of("code", code))
                .send();
    }
}
