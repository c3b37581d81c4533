package io.tenantry.app.lead;

import io.tenantry.command.lead.LeadMailer;
import jakarta.mail.MessagingException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;

/** Mails the verification link through the configured SMTP server ({@code spring.mail.*}). */
final class SmtpLeadMailer implements LeadMailer {

    private final JavaMailSender sender;
    private final VerificationMail mail;

    SmtpLeadMailer(JavaMailSender sender, VerificationMail mail) {
        this.sender = sender;
        this.mail = mail;
    }

    @Override
    public void sendVerification(String email, String name, String leadId, String code) {
        sender.send(mimeMessage -> {
            try {
                var composed = mail.compose(mimeMessage.getSession(), email, name, leadId, code);
                mimeMessage.setContent(composed.getContent(), composed.getContentType());
                mimeMessage.setFrom(composed.getFrom()[0]);
                mimeMessage.setRecipients(jakarta.mail.Message.RecipientType.TO, composed.getAllRecipients());
                mimeMessage.setSubject(composed.getSubject(), "UTF-8");
                mimeMessage.setSentDate(composed.getSentDate());
            } catch (MessagingException | java.io.IOException e) {
                throw new MailPreparationException("could not compose the verification mail", e);
            }
        });
    }
}
