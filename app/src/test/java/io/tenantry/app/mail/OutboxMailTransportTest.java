package io.tenantry.app.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a mail server, each mail becomes an .eml file a new user can open. */
class OutboxMailTransportTest {

    @TempDir
    Path outbox;

    @Test
    void writesEachMailAsAnEmlFileNamedAfterItsReference() throws Exception {
        OutboxMailTransport transport = new OutboxMailTransport(outbox, "Tenantry <no-reply@example.com>");
        transport.send(new OutgoingMail(
                "ann@example.com", "Grüße", "Follow https://app.example/x?code=c0de\n", "invitation-1/../x"));

        List<Path> files;
        try (var stream = Files.list(outbox)) {
            files = stream.toList();
        }
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName().toString()).matches("\\d+-invitation-1____x\\.eml");
        String eml = Files.readString(files.get(0));
        assertThat(eml)
                .contains("From: Tenantry <no-reply@example.com>")
                .contains("To: ann@example.com")
                .contains("Subject: =?UTF-8?")
                .contains("https://app.example/x?code=c0de");
    }
}
