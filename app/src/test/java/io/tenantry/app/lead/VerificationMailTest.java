package io.tenantry.app.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.app.mail.OutgoingMail;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verification mail links to the configured page with the lead id and the code, URL-encoded. */
class VerificationMailTest {

    @Test
    void linksToTheVerifyPageWithTheLeadAndItsCode() {
        List<OutgoingMail> sent = new ArrayList<>();
        LeadProperties properties = new LeadProperties(
                "https://app.example/verify?lead={leadId}&code={code}", Duration.ofHours(24), Duration.ofHours(1), 5);
        new VerificationMail(properties, sent::add).sendVerification("ann@example.com", "Ann", "lead 1", "a+b");

        assertThat(sent).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo("ann@example.com");
            assertThat(mail.subject()).isEqualTo("Confirm your e-mail address");
            assertThat(mail.reference()).isEqualTo("lead-lead 1");
            assertThat(mail.text())
                    .contains("Hello Ann,")
                    .contains("https://app.example/verify?lead=lead+1&code=a%2Bb")
                    .contains("valid for 24 hours");
            assertThat(mail.toString()).doesNotContain("a%2Bb").doesNotContain("ann@");
        });
    }
}
