package io.tenantry.app.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With no mail server configured (the embedded default), each message is written as an {@code .eml} file under
 * {@code <data-dir>/outbox/}, so a new user can open it and follow its link. The file holds the link; the log does not.
 */
final class OutboxMailTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(OutboxMailTransport.class);

    private final Path outbox;
    private final String from;
    private final Session session = Session.getInstance(new Properties());

    OutboxMailTransport(Path outbox, String from) {
        this.outbox = outbox;
        this.from = from;
    }

    @Override
    public void send(OutgoingMail mail) {
        try {
            Files.createDirectories(outbox);
            Path file = outbox.resolve(Instant.now().toEpochMilli() + "-" + safe(mail.reference()) + ".eml");
            Path temporary = Files.createTempFile(outbox, "mail", ".tmp");
            MimeMessage message = new MimeMessage(session);
            MimeMessages.fill(message, from, mail);
            try (OutputStream out = Files.newOutputStream(temporary)) {
                message.writeTo(out);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            log.info("Mail about {} written to {}", mail.reference(), file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a mail to " + outbox, e);
        } catch (MessagingException e) {
            throw new IllegalStateException("could not compose the mail about " + mail.reference(), e);
        }
    }

    /** A reference as a file name: anything but letters, digits, '-' and '_' becomes '_'. */
    private static String safe(String reference) {
        return reference == null || reference.isBlank() ? "mail" : reference.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
