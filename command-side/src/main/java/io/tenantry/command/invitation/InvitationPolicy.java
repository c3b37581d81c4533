package io.tenantry.command.invitation;

import io.tenantry.contracts.DomainRefusal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** How long an invitation lasts when the inviter does not say ({@code ttl}), and at most ({@code maxTtl}). */
public record InvitationPolicy(Duration ttl, Duration maxTtl) {

    public InvitationPolicy {
        if (ttl == null || maxTtl == null || ttl.isNegative() || ttl.isZero() || maxTtl.compareTo(ttl) < 0) {
            throw new IllegalArgumentException("an invitation's ttl must be positive and at most its max-ttl");
        }
    }

    /** When an invitation made at {@code now} expires: after {@code expiresInHours}, or the default ttl (to the ms). */
    public Instant expiresAt(Instant now, Integer expiresInHours) {
        return expiry(now.truncatedTo(ChronoUnit.MILLIS), expiresInHours);
    }

    private Instant expiry(Instant now, Integer expiresInHours) {
        if (expiresInHours == null) {
            return now.plus(ttl);
        }
        Duration asked = Duration.ofHours(expiresInHours);
        if (expiresInHours < 1 || asked.compareTo(maxTtl) > 0) {
            throw DomainRefusal.invalid(
                    "invalid_expiry",
                    "expiresInHours is 1 to " + maxTtl.toHours() + " (hours); leave it out for " + ttl.toHours() + ".");
        }
        return now.plus(asked);
    }
}
