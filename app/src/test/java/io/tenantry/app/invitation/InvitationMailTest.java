package io.tenantry.app.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.app.mail.OutgoingMail;
import io.tenantry.contracts.tenant.MemberRole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The invitation mail names the tenant and role and links to the accept page with the id and token, URL-encoded. */
class InvitationMailTest {

    @Test
    void linksToTheAcceptPageWithTheInvitationAndItsToken() {
        List<OutgoingMail> sent = new ArrayList<>();
        InvitationProperties properties = new InvitationProperties(
                Duration.ofDays(7), Duration.ofDays(30), "https://app.example/join?i={invitationId}&t={token}");
        new InvitationMail(properties, sent::add)
                .sendInvitation(
                        "bob@example.com",
                        "Acme & Co",
                        MemberRole.ADMIN,
                        "inv-1",
                        "t+k/n",
                        Instant.parse("2026-12-01T09:30:00Z"));

        assertThat(sent).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo("bob@example.com");
            assertThat(mail.subject()).isEqualTo("You are invited to join Acme & Co");
            assertThat(mail.reference()).isEqualTo("invitation-inv-1");
            assertThat(mail.text())
                    .contains("join Acme & Co as admin")
                    .contains("https://app.example/join?i=inv-1&t=t%2Bk%2Fn")
                    .contains("valid until 1 December 2026, 09:30 UTC");
        });
    }
}
