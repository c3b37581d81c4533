package io.tenantry.app.invitation;

import io.tenantry.app.mail.MailTransport;
import io.tenantry.app.mail.OutgoingMail;
import io.tenantry.command.invitation.InvitationMailer;
import io.tenantry.contracts.tenant.MemberRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The invitation e-mail: which tenant, which role, and a link to the front end carrying the id and the token. */
final class InvitationMail implements InvitationMailer {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(
                    "d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final InvitationProperties properties;
    private final MailTransport transport;

    InvitationMail(InvitationProperties properties, MailTransport transport) {
        this.properties = properties;
        this.transport = transport;
    }

    @Override
    public void sendInvitation(
            String email, String tenantName, MemberRole role, String invitationId, String token, Instant expiresAt) {
        transport.send(compose(email, tenantName, role, invitationId, token, expiresAt));
    }

    OutgoingMail compose(
            String email, String tenantName, MemberRole role, String invitationId, String token, Instant expiresAt) {
        String link = properties
                .acceptUrl()
                .replace("{invitationId}", URLEncoder.encode(invitationId, StandardCharsets.UTF_8))
                .replace("{token}", URLEncoder.encode(token, StandardCharsets.UTF_8));
        return new OutgoingMail(
                email,
                "You are invited to join " + tenantName,
                """
                Hello,

                you are invited to join %s as %s. To accept, sign in and follow this link:

                %s

                The invitation is valid until %s. If you did not expect it, ignore this message.
                """.formatted(tenantName, role.name().toLowerCase(Locale.ROOT), link, WHEN.format(expiresAt)),
                "invitation-" + invitationId);
    }
}
