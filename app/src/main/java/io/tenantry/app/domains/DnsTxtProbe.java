package io.tenantry.app.domains;

import io.tenantry.command.domains.ChallengeProbe;
import io.tenantry.command.domains.ProbeResult;
import io.tenantry.contracts.domains.DomainNames;
import io.tenantry.contracts.domains.VerificationMethod;
import java.util.List;

/** Looks for the challenge in the TXT records at {@code _tenantry-challenge.<domain>}: one of them must be it. */
final class DnsTxtProbe implements ChallengeProbe {

    private final DnsLookups dns;

    DnsTxtProbe(DnsLookups dns) {
        this.dns = dns;
    }

    @Override
    public VerificationMethod method() {
        return VerificationMethod.DNS;
    }

    @Override
    public ProbeResult probe(String domain, String expected) {
        String name = DomainNames.challengeName(domain);
        String lookedUp = "TXT " + name;
        DnsLookups.Answer answer = dns.txt(name);
        return switch (answer.outcome()) {
            case FOUND ->
                answer.values().stream().anyMatch(value -> value.strip().equals(expected))
                        ? ProbeResult.passed(method(), lookedUp, expected, List.of(expected))
                        : ProbeResult.failed(method(), lookedUp, expected, answer.values(), "value_mismatch");
            case NOT_FOUND -> ProbeResult.failed(method(), lookedUp, expected, List.of(), "record_missing");
            case FAILED ->
                ProbeResult.failed(
                        method(),
                        lookedUp,
                        expected,
                        answer.error() == null ? List.of() : List.of(answer.error()),
                        "lookup_failed");
        };
    }
}
