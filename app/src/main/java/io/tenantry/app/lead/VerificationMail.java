package io.tenantry.app.lead;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/** The verification e-mail a lead gets: a link to the front end carrying the lead id and the one-time code. */
final class VerificationMail {

    private final LeadProperties properties;

    VerificationMail(LeadProperties properties) {
        this.properties = properties;
    }

    MimeMessage compose(Session session, String email, String name, String leadId, String code) throws MessagingException {
        String link = properties.verifyUrl()
                                .replace("{leadId}", URLEncoder.encode(leadId, StandardCharsets.UTF_8))
                                .replace("{code}", URLEncoder.encode(code, StandardCharsets.UTF_8));
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(properties.mailFrom()));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(email));
        message.setSubject("Confirm your e-mail address", StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setText("""
                Hello %s,

                please confirm your e-mail address to continue setting up your account:

                %s

                The link is valid for %d hours. If you did not ask for this, ignore this message.
                """.formatted(name == null ? "" : name, link, properties.codeTtl().toHours()),
                StandardCharsets.UTF_8.name());
        return message;
    }
}
