package io.tenantry.app.lead;

import io.tenantry.command.lead.LeadMailer;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Properties;

/**
 * With no mail server configured (the embedded default), each message is written as an {@code .eml} file under
 * {@code <data-dir>/outbox/}, so a new user can open it and follow the link. The file holds the code; the log does not.
 */
final class OutboxLeadMailer implements LeadMailer {

    private static final Logger log = LoggerFactory.getLogger(OutboxLeadMailer.class);

    private final Path outbox;
    private final VerificationMail mail;
    private final Session session = Session.getInstance(new Properties());

    OutboxLeadMailer(Path outbox, VerificationMail mail) {
        this.outbox = outbox;
        this.mail = mail;
    }

    @Override
    public void sendVerification(String email, String name, String leadId, String code) {
        try {
            Files.createDirectories(outbox);
            Path file = outbox.resolve(Instant.now().toEpochMilli() + "-lead-" + leadId + ".eml");
            Path temporary = Files.createTempFile(outbox, "mail", ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                mail.compose(session, email, name, leadId, code).writeTo(out);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            log.info("Verification mail for lead {} written to {}", leadId, file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the verification mail to " + outbox, e);
        } catch (MessagingException e) {
            throw new IllegalStateException("could not compose the verification mail", e);
        }
    }
}
