package io.tenantry.contracts.domains;

import io.tenantry.contracts.tenant.MemberRole;
import java.time.Instant;

/**
 * A domain of a tenant as its OWNERs and ADMINs see it: where it stands, how and when it was verified, its join
 * policy, what to publish to verify it ({@code challenge}), and the failures in a row of its re-verification.
 */
public record TenantDomainView(
        String tenantId,
        String domain,
        DomainStatus status,
        VerificationMethod method,
        Instant verifiedAt,
        JoinPolicy joinPolicy,
        MemberRole defaultRole,
        Challenge challenge,
        int failures,
        Instant addedAt) {

    /** What to publish at the domain, either way, to verify it. */
    public record Challenge(String dnsName, String dnsType, String value, String httpsUrl) {

        public static Challenge of(String domain, String value) {
            return new Challenge(DomainNames.challengeName(domain), "TXT", value, DomainNames.wellKnownUrl(domain));
        }
    }
}
