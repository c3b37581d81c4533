package io.tenantry.app.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/** Fills a MIME message from an {@link OutgoingMail}: one sender, one recipient, UTF-8 plain text. */
final class MimeMessages {

    private MimeMessages() {}

    static void fill(MimeMessage message, String from, OutgoingMail mail) throws MessagingException {
        message.setFrom(new InternetAddress(from));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to()));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setText(mail.text(), StandardCharsets.UTF_8.name());
    }
}
