package io.tenantry.command.domains;

import io.tenantry.contracts.domains.VerificationMethod;

/**
 * Looks for a domain's challenge where one {@link VerificationMethod} says it is published (a DNS TXT record, a
 * well-known file over HTTPS). Network I/O, with timeouts of its own; never throws for what it finds or fails to reach:
 * every outcome is a {@link ProbeResult}.
 */
public interface ChallengeProbe {

    VerificationMethod method();

    ProbeResult probe(String domain, String expected);
}
