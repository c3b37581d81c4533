package io.tenantry.app.lead;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.contracts.privacy.Erasure;
import org.junit.jupiter.api.Test;

/** The leads read model for partner-admin: by status, one lead, the funnel; and erasure scrubs it. */
class LeadQueriesIT extends IntegrationTest {

    @Test
    void showsLeadsByStatusAndTheFunnel() {
        String admin = partnerAdmin();
        JsonNode before = api.get("/api/leads/funnel").bearer(admin).send().json();
        LeadSupport.Registered verified = LeadSupport.register(api, LeadSupport.uniqueEmail());
        LeadSupport.verify(api, verified);
        LeadSupport.Registered fresh = LeadSupport.register(api, LeadSupport.uniqueEmail());

        awaitRead(
                "/api/leads/" + verified.leadId(),
                admin,
                body -> "VERIFIED".equals(body.path("status").asText()));
        JsonNode lead = awaitRead(
                "/api/leads/" + fresh.leadId(),
                admin,
                body -> "NEW".equals(body.path("status").asText()));
        assertThat(lead.path("email").asText()).isEqualTo(fresh.email());
        assertThat(lead.path("companyName").asText()).isEqualTo("Lead Co");
        assertThat(api.get("/api/leads?status=VERIFIED&limit=200")
                        .bearer(admin)
                        .send()
                        .json()
                        .path("items")
                        .findValuesAsText("id"))
                .contains(verified.leadId())
                .doesNotContain(fresh.leadId());

        JsonNode after = api.get("/api/leads/funnel").bearer(admin).send().json();
        assertThat(after.path("created").asLong())
                .isGreaterThanOrEqualTo(before.path("created").asLong() + 2);
        assertThat(after.path("verified").asLong())
                .isGreaterThanOrEqualTo(before.path("verified").asLong() + 1);

        assertProblem(
                api.get("/api/leads").bearer(api.token(uniqueUser("plain"))).send(), 403, "forbidden");
        assertProblem(api.get("/api/leads/funnel").send(), 401, "unauthenticated");
        assertProblem(api.get("/api/leads/no-such-lead").bearer(admin).send(), 404, "lead_not_found");
    }

    @Test
    void forgetsAnErasedLead() {
        String admin = partnerAdmin();
        LeadSupport.Registered lead = LeadSupport.register(api, LeadSupport.uniqueEmail());
        awaitRead("/api/leads/" + lead.leadId(), admin, body -> true);

        assertThat(api.call("DELETE", "/api/privacy/subjects?email=" + lead.email())
                        .bearer(admin)
                        .send()
                        .status())
                .isEqualTo(204);
        JsonNode erased = awaitRead(
                "/api/leads/" + lead.leadId(),
                admin,
                body -> Erasure.MARKER.equals(body.path("email").asText()));
        assertThat(erased.path("name").asText()).isEqualTo(Erasure.MARKER);
        assertThat(erased.path("companyName").asText()).isEqualTo("Lead Co");
    }
}
