package io.tenantry.app.lead;

import io.tenantry.app.mail.MailTransport;
import io.tenantry.app.mail.OutgoingMail;
import io.tenantry.command.lead.LeadMailer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The verification e-mail a lead gets: a link to the front end carrying the lead id and the one-time code. */
final class VerificationMail implements LeadMailer {

    private final LeadProperties properties;
    private final MailTransport transport;

    VerificationMail(LeadProperties properties, MailTransport transport) {
        this.properties = properties;
        this.transport = transport;
    }

    @Override
    public void sendVerification(String email, String name, String leadId, String code) {
        transport.send(compose(email, name, leadId, code));
    }

    OutgoingMail compose(String email, String name, String leadId, String code) {
        String link = properties
                .verifyUrl()
                .replace("{leadId}", URLEncoder.encode(leadId, StandardCharsets.UTF_8))
                .replace("{code}", URLEncoder.encode(code, StandardCharsets.UTF_8));
        return new OutgoingMail(
                email,
                "Confirm your e-mail address",
                """
                Hello %s,

                please confirm your e-mail address to continue setting up your account:

                %s

                The link is valid for %d hours. If you did not ask for this, ignore this message.
                """.formatted(
                        name == null ? "" : name, link, properties.codeTtl().toHours()),
                "lead-" + leadId);
    }
}
