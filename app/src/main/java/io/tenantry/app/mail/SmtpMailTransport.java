package io.tenantry.app.mail;

import org.springframework.mail.javamail.JavaMailSender;

/** Sends through the configured SMTP server ({@code spring.mail.*}). */
final class SmtpMailTransport implements MailTransport {

    private final JavaMailSender sender;
    private final String from;

    SmtpMailTransport(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(OutgoingMail mail) {
        sender.send(message -> MimeMessages.fill(message, from, mail));
    }
}
