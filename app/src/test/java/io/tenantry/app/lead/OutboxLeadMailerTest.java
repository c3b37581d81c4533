package io.tenantry.app.lead;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a mail server, the verification mail becomes an .eml file a new user can open. */
class OutboxLeadMailerTest {

    @TempDir
    Path outbox;

    @Test
    void writesTheMailWithItsLinkAsAnEmlFile() throws Exception {
        LeadProperties properties = new LeadProperties("https://app.example/verify?lead={leadId}&code={code}",
                Duration.ofHours(24), Duration.ofHours(1), 5, "Tenantry <no-reply@example.com>");
        new OutboxLeadMailer(outbox, new VerificationMail(properties))
                .sendVerification("ann@example.com", "Ann", "lead-1", "secret-code");

        List<Path> files;
        try (var stream = Files.list(outbox)) {
            files = stream.toList();
        }
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName().toString()).endsWith("-lead-lead-1.eml");
        String eml = Files.readString(files.get(0));
        assertThat(eml).contains("To: ann@example.com").contains("Subject: Confirm your e-mail address")
                       .contains("https://app.example/verify?lead=lead-1&code=secret-code");
    }
}
