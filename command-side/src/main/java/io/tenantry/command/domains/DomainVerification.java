package io.tenantry.command.domains;

import io.tenantry.command.secret.OneTimeSecrets;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.domains.AddTenantDomainCommand;
import io.tenantry.contracts.domains.DomainNames;
import io.tenantry.contracts.domains.DomainStatus;
import io.tenantry.contracts.domains.PrepareDomainCheckCommand;
import io.tenantry.contracts.domains.RecordDomainCheckCommand;
import io.tenantry.contracts.domains.TenantDomainView;
import io.tenantry.contracts.domains.VerificationMethod;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Proves a tenant's domain: asks the tenant what to look for (a command that changes nothing and refuses whoever may
 * not), looks outside the aggregate ({@link ChallengeProbe}s: DNS, then HTTPS), and records what it found with a
 * command. Used by {@code POST /api/tenants/{id}/domains/{domain}/verify} and by the periodic re-verification.
 */
@Component
public class DomainVerification {

    private final CommandGateway commands;
    private final Map<VerificationMethod, ChallengeProbe> probes = new EnumMap<>(VerificationMethod.class);

    DomainVerification(CommandGateway commands, ObjectProvider<ChallengeProbe> probes) {
        this.commands = commands;
        probes.orderedStream().forEach(probe -> this.probes.put(probe.method(), probe));
    }

    /** Adds the domain to the tenant's list with a new random challenge. */
    public TenantDomainView add(String tenantId, Caller caller, String domain) {
        return commands.sendAndWait(new AddTenantDomainCommand(
                tenantId, caller, domain, DomainNames.CHALLENGE_PREFIX + OneTimeSecrets.newSecret()));
    }

    /**
     * Checks the domain by {@code method} (both, DNS first, when null) and verifies it when the challenge is found. A
     * domain verified already is answered as it is, without a look.
     *
     * @throws DomainRefusal 422 {@code domain_not_verified} naming what was looked up, expected and found
     */
    public TenantDomainView verify(String tenantId, Caller caller, String domain, VerificationMethod method) {
        TenantDomainView prepared =
                commands.sendAndWait(new PrepareDomainCheckCommand(tenantId, caller, domain, false));
        if (prepared.status() == DomainStatus.VERIFIED) {
            return prepared;
        }
        String expected = prepared.challenge().value();
        List<ProbeResult> results = new ArrayList<>();
        for (VerificationMethod candidate : method == null ? List.of(VerificationMethod.values()) : List.of(method)) {
            ProbeResult result = probe(candidate).probe(prepared.domain(), expected);
            results.add(result);
            if (result.passed()) {
                return commands.sendAndWait(new RecordDomainCheckCommand(
                        tenantId, caller, prepared.domain(), expected, candidate, true, result.summary(), false));
            }
        }
        throw notVerified(prepared.domain(), results);
    }

    /**
     * The periodic re-verification of a verified domain, by the method that verified it; answers the domain as it
     * stands afterwards (UNVERIFIED after too many failures in a row).
     */
    public TenantDomainView recheck(String tenantId, String domain) {
        TenantDomainView prepared = commands.sendAndWait(new PrepareDomainCheckCommand(tenantId, null, domain, true));
        if (prepared.status() != DomainStatus.VERIFIED) {
            return prepared;
        }
        String expected = prepared.challenge().value();
        VerificationMethod method = prepared.method() == null ? VerificationMethod.DNS : prepared.method();
        ProbeResult result = probe(method).probe(prepared.domain(), expected);
        return commands.sendAndWait(new RecordDomainCheckCommand(
                tenantId, null, prepared.domain(), expected, method, result.passed(), result.summary(), true));
    }

    private ChallengeProbe probe(VerificationMethod method) {
        ChallengeProbe probe = probes.get(method);
        if (probe == null) {
            throw new IllegalStateException("no probe for " + method);
        }
        return probe;
    }

    private static DomainRefusal notVerified(String domain, List<ProbeResult> results) {
        String looked = results.stream()
                .map(result -> result.method() + " " + result.lookedUp() + " (" + result.reason() + ")")
                .collect(Collectors.joining(", "));
        return new DomainRefusal(
                DomainRefusal.Kind.UNPROCESSABLE,
                "domain_not_verified",
                "The challenge of " + domain + " was not found: looked up " + looked + ", expecting "
                        + results.get(0).expected() + ".",
                Map.of(
                        "domain",
                        domain,
                        "checks",
                        results.stream().map(ProbeResult::asProblemField).toList()));
    }
}
