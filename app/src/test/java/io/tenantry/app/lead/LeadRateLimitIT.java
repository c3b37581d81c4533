package io.tenantry.app.lead;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public lead endpoints are rate-limited per client address and per lead, with 429 and Retry-After. */
class LeadRateLimitIT extends IntegrationTest {

    @Test
    void limitsRegistrationsPerAddress() {
        for (int i = 0; i < 10; i++) {
            assertThat(register().status()).isEqualTo(201);
        }
        Api.Response limited = register();

        assertProblem(limited, 429, "rate_limited");
        assertThat(Long.parseLong(limited.header("Retry-After").orElseThrow())).isPositive();
        api = new Api(port, java.nio.file.Path.of(environment.getRequiredProperty("tenantry.data-dir")));
        assertThat(register().status())
                .as("another address has its own allowance")
                .isEqualTo(201);
    }

    @Test
    void limitsNewCodesPerLead() {
        LeadSupport.Registered lead = LeadSupport.register(api, LeadSupport.uniqueEmail());
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/leads/" + lead.leadId() + "/resend-verification")
                            .send()
                            .status())
                    .isEqualTo(202);
        }
        assertProblem(
                api.post("/api/leads/" + lead.leadId() + "/resend-verification").send(), 429, "rate_limited");
    }

    private Api.Response register() {
        return api.post("/api/leads")
                .json(Map.of("name", "Many", "email", LeadSupport.uniqueEmail(), "companyName", "Many Co"))
                .send();
    }
}
