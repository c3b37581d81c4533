package io.tenantry.command.tenant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.tenantry.command.domains.DomainSettings;
import io.tenantry.command.domains.PublicEmailDomains;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.domains.AddTenantDomainCommand;
import io.tenantry.contracts.domains.DomainNames;
import io.tenantry.contracts.domains.DomainStatus;
import io.tenantry.contracts.domains.JoinPolicy;
import io.tenantry.contracts.domains.PrepareDomainCheckCommand;
import io.tenantry.contracts.domains.RecordDomainCheckCommand;
import io.tenantry.contracts.domains.RemoveTenantDomainCommand;
import io.tenantry.contracts.domains.SetDomainJoinPolicyCommand;
import io.tenantry.contracts.domains.TenantDomainAddedEvent;
import io.tenantry.contracts.domains.TenantDomainJoinPolicySetEvent;
import io.tenantry.contracts.domains.TenantDomainRecheckedEvent;
import io.tenantry.contracts.domains.TenantDomainRemovedEvent;
import io.tenantry.contracts.domains.TenantDomainUnverifiedEvent;
import io.tenantry.contracts.domains.TenantDomainVerifiedEvent;
import io.tenantry.contracts.domains.TenantDomainView;
import io.tenantry.contracts.domains.VerificationMethod;
import io.tenantry.contracts.tenant.MemberRole;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * A tenant's e-mail domains, as an entity of the Tenant aggregate: an OWNER or ADMIN claims a domain (never a public
 * e-mail provider's), proves it with a challenge published at the domain (looked up outside the aggregate, which only
 * records what was found), sets who may join by it, and removes it. A verified domain is checked again periodically
 * ({@code DomainRecheckSaga}); {@link DomainSettings#maxFailures()} failures in a row make it unverified. Deleting the
 * tenant unverifies its domains, so that another tenant may prove them. That no two tenants verify one domain is
 * {@link TenantDomainRegistry}'s to hold, in the command's transaction.
 */
class TenantDomains {

    /** The most domains a tenant keeps on its list. */
    static final int MAX_DOMAINS = 20;

    private static final int MAX_DETAIL = 500;

    private final Roster roster;
    private final Map<String, TenantDomain> domains = new TreeMap<>();

    TenantDomains(Roster roster) {
        this.roster = roster;
    }

    /** A domain on the tenant's list: its challenge, where it stands and who may join by it. */
    record TenantDomain(
            String domain,
            String challenge,
            DomainStatus status,
            VerificationMethod method,
            Instant verifiedAt,
            JoinPolicy policy,
            MemberRole defaultRole,
            int failures,
            Instant addedAt) {

        TenantDomain with(
                DomainStatus newStatus, VerificationMethod newMethod, Instant newVerifiedAt, int newFailures) {
            return new TenantDomain(
                    domain, challenge, newStatus, newMethod, newVerifiedAt, policy, defaultRole, newFailures, addedAt);
        }

        TenantDomain withPolicy(JoinPolicy newPolicy, MemberRole newRole) {
            return new TenantDomain(
                    domain, challenge, status, method, verifiedAt, newPolicy, newRole, failures, addedAt);
        }

        boolean verified() {
            return status == DomainStatus.VERIFIED;
        }
    }

    @CommandHandler
    TenantDomainView handle(AddTenantDomainCommand command, PublicEmailDomains publicDomains) {
        roster.requireManager(command.caller());
        String domain = DomainNames.normalise(command.domain());
        if (publicDomains.contains(domain)) {
            throw new DomainRefusal(
                    DomainRefusal.Kind.UNPROCESSABLE,
                    "public_email_domain",
                    domain + " is a public e-mail provider's domain: its addresses belong to anyone, so no tenant"
                            + " claims it.",
                    Map.of("domain", domain));
        }
        if (domains.containsKey(domain)) {
            throw DomainRefusal.conflict("domain_exists", "This tenant already has the domain " + domain + ".");
        }
        if (domains.size() >= MAX_DOMAINS) {
            throw DomainRefusal.conflict(
                    "domain_limit_reached",
                    "A tenant keeps at most " + MAX_DOMAINS + " domains; remove one it no longer needs first.");
        }
        if (command.challenge() == null || command.challenge().isBlank()) {
            throw DomainRefusal.invalid("challenge_required", "A domain needs a challenge to prove it with.");
        }
        apply(new TenantDomainAddedEvent(
                roster.tenantId(), domain, command.challenge(), command.caller().userId()));
        return view(domain);
    }

    /** What a check of the domain looks for; refuses whoever may not check it. Changes nothing. */
    @CommandHandler
    TenantDomainView handle(PrepareDomainCheckCommand command) {
        if (command.periodic()) {
            requireLive();
        } else {
            roster.requireManager(command.caller());
        }
        return view(require(command.domain()).domain());
    }

    @CommandHandler
    TenantDomainView handle(RecordDomainCheckCommand command, DomainSettings settings) {
        return command.periodic() ? recheck(command, settings) : verify(command);
    }

    /** An OWNER or ADMIN had the domain checked: a pass proves it, unless another tenant holds it. */
    private TenantDomainView verify(RecordDomainCheckCommand command) {
        roster.requireManager(command.caller());
        TenantDomain domain = require(command.domain());
        if (!domain.challenge().equals(command.challenge())) {
            throw DomainRefusal.conflict(
                    "domain_changed",
                    "The domain " + domain.domain() + " was removed and added again meanwhile: verify it again.");
        }
        if (!command.passed()) {
            throw new DomainRefusal(
                    DomainRefusal.Kind.UNPROCESSABLE,
                    "domain_not_verified",
                    "The challenge of " + domain.domain() + " was not found: " + detail(command.detail()),
                    Map.of("domain", domain.domain()));
        }
        if (command.method() == null) {
            throw DomainRefusal.invalid("invalid_method", "Say how the domain was verified: DNS or HTTPS.");
        }
        if (!domain.verified()) {
            apply(new TenantDomainVerifiedEvent(
                    roster.tenantId(),
                    domain.domain(),
                    command.method(),
                    command.caller().userId()));
        }
        return view(domain.domain());
    }

    /**
     * The domain's re-verification: a failure counts, {@code maxFailures} in a row make it unverified; a pass after
     * failures clears them. A check of a domain that is no longer verified, or of an earlier claim of it (removed and
     * added again meanwhile), records nothing.
     */
    private TenantDomainView recheck(RecordDomainCheckCommand command, DomainSettings settings) {
        requireLive();
        TenantDomain domain = require(command.domain());
        if (!domain.verified() || !domain.challenge().equals(command.challenge())) {
            return view(domain.domain());
        }
        if (command.passed()) {
            if (domain.failures() > 0) {
                apply(new TenantDomainRecheckedEvent(
                        roster.tenantId(), domain.domain(), domain.method(), true, 0, detail(command.detail())));
            }
            return view(domain.domain());
        }
        int failures = domain.failures() + 1;
        apply(new TenantDomainRecheckedEvent(
                roster.tenantId(), domain.domain(), domain.method(), false, failures, detail(command.detail())));
        if (failures >= settings.maxFailures()) {
            apply(new TenantDomainUnverifiedEvent(
                    roster.tenantId(), domain.domain(), TenantDomainUnverifiedEvent.CHECKS_FAILED));
        }
        return view(domain.domain());
    }

    /** Takes a domain off the list; answers the tenant's new version. */
    @CommandHandler
    long handle(RemoveTenantDomainCommand command) {
        roster.requireManager(command.caller());
        TenantDomain domain = require(command.domain());
        apply(new TenantDomainRemovedEvent(
                roster.tenantId(), domain.domain(), command.caller().userId()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    TenantDomainView handle(SetDomainJoinPolicyCommand command) {
        roster.requireManager(command.caller());
        TenantDomain domain = require(command.domain());
        if (command.policy() == null) {
            throw DomainRefusal.invalid("invalid_join_policy", "A join policy is OFF, SUGGEST or AUTO.");
        }
        MemberRole role = command.defaultRole() == null ? MemberRole.MEMBER : command.defaultRole();
        if (role == MemberRole.OWNER) {
            throw DomainRefusal.invalid(
                    "invalid_role", "People who join by a domain get MEMBER or ADMIN, never OWNER.");
        }
        if (domain.policy() != command.policy() || domain.defaultRole() != role) {
            apply(new TenantDomainJoinPolicySetEvent(
                    roster.tenantId(),
                    domain.domain(),
                    command.policy(),
                    role,
                    command.caller().userId()));
        }
        return view(domain.domain());
    }

    /** The tenant is being deleted: its verified domains are given up, so that another tenant may prove them. */
    void releaseAll() {
        domains.values().stream()
                .filter(TenantDomain::verified)
                .map(TenantDomain::domain)
                .toList()
                .forEach(domain -> apply(new TenantDomainUnverifiedEvent(
                        roster.tenantId(), domain, TenantDomainUnverifiedEvent.TENANT_DELETED)));
    }

    /** The verified domain of that name, or {@code null}. */
    TenantDomain verified(String domain) {
        TenantDomain found = domain == null ? null : domains.get(domain);
        return found != null && found.verified() ? found : null;
    }

    private TenantDomain require(String raw) {
        String domain = DomainNames.normalise(raw);
        TenantDomain found = domains.get(domain);
        if (found == null) {
            throw DomainRefusal.notFound("domain_not_found", "This tenant has no domain " + domain + ".");
        }
        return found;
    }

    private void requireLive() {
        if (!roster.live()) {
            throw TenantRefusals.notFound(roster.tenantId());
        }
    }

    private TenantDomainView view(String name) {
        TenantDomain domain = domains.get(name);
        return new TenantDomainView(
                roster.tenantId(),
                domain.domain(),
                domain.status(),
                domain.method(),
                domain.verifiedAt(),
                domain.policy(),
                domain.defaultRole(),
                TenantDomainView.Challenge.of(domain.domain(), domain.challenge()),
                domain.failures(),
                domain.addedAt());
    }

    private static String detail(String detail) {
        if (detail == null) {
            return "";
        }
        return detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail;
    }

    @EventSourcingHandler
    void on(TenantDomainAddedEvent event, @Timestamp Instant at) {
        domains.put(
                event.domain(),
                new TenantDomain(
                        event.domain(),
                        event.challenge(),
                        DomainStatus.PENDING,
                        null,
                        null,
                        JoinPolicy.OFF,
                        MemberRole.MEMBER,
                        0,
                        at));
    }

    @EventSourcingHandler
    void on(TenantDomainVerifiedEvent event, @Timestamp Instant at) {
        domains.computeIfPresent(
                event.domain(), (name, domain) -> domain.with(DomainStatus.VERIFIED, event.method(), at, 0));
    }

    @EventSourcingHandler
    void on(TenantDomainRecheckedEvent event) {
        domains.computeIfPresent(
                event.domain(),
                (name, domain) -> domain.with(domain.status(), domain.method(), domain.verifiedAt(), event.failures()));
    }

    @EventSourcingHandler
    void on(TenantDomainUnverifiedEvent event) {
        domains.computeIfPresent(
                event.domain(),
                (name, domain) ->
                        domain.with(DomainStatus.UNVERIFIED, domain.method(), domain.verifiedAt(), domain.failures()));
    }

    @EventSourcingHandler
    void on(TenantDomainRemovedEvent event) {
        domains.remove(event.domain());
    }

    @EventSourcingHandler
    void on(TenantDomainJoinPolicySetEvent event) {
        domains.computeIfPresent(
                event.domain(), (name, domain) -> domain.withPolicy(event.policy(), event.defaultRole()));
    }
}
