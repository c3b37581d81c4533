package io.tenantry.app.invitation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tenantry.invitations.*}: how long an invitation lasts when the inviter does not say, how long at most, and
 * where its e-mail's link points ({@code {invitationId}} and {@code {token}} are filled in).
 */
@ConfigurationProperties("tenantry.invitations")
public record InvitationProperties(Duration ttl, Duration maxTtl, String acceptUrl) {

    public InvitationProperties {
        ttl = ttl == null ? Duration.ofDays(7) : ttl;
        maxTtl = maxTtl == null ? Duration.ofDays(30) : maxTtl;
        acceptUrl = acceptUrl == null || acceptUrl.isBlank()
                ? "http://localhost:3000/invitations/accept?invitation={invitationId}&token={token}"
                : acceptUrl;
    }
}
