package io.tenantry.command.tenant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.domains.DecideJoinRequestCommand;
import io.tenantry.contracts.domains.DomainNames;
import io.tenantry.contracts.domains.JoinOutcome;
import io.tenantry.contracts.domains.JoinPolicy;
import io.tenantry.contracts.domains.JoinRequestStatus;
import io.tenantry.contracts.domains.JoinTenantCommand;
import io.tenantry.contracts.domains.MemberJoinedByDomainEvent;
import io.tenantry.contracts.domains.TenantJoinRequestDecidedEvent;
import io.tenantry.contracts.domains.TenantJoinRequestedEvent;
import io.tenantry.contracts.plan.PlanCatalogue;
import io.tenantry.contracts.tenant.MemberAddedEvent;
import io.tenantry.contracts.tenant.MemberRole;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * Joining a tenant by e-mail domain, as an entity of the Tenant aggregate: a signed-in user whose token carries a
 * verified e-mail address at one of the tenant's verified domains joins at once with the domain's default role (policy
 * AUTO), or asks to (SUGGEST), and an OWNER or ADMIN approves or denies the request. A join and an approval are held to
 * the plan's member limit as any other new member is; a pending request holds no seat.
 */
class TenantJoins {

    private final Roster roster;
    private final TenantDomains domains;
    private final Map<String, JoinRequest> pending = new LinkedHashMap<>();

    TenantJoins(Roster roster, TenantDomains domains) {
        this.roster = roster;
        this.domains = domains;
    }

    /** A request waiting for a decision. */
    record JoinRequest(String requestId, String userId, String domain, MemberRole role) {}

    /**
     * Strangers learn nothing: a caller whose verified address is at no verified domain of the tenant gets the 404 an
     * unknown tenant gets. A caller without a verified address is told so first, whatever the tenant.
     */
    @CommandHandler
    JoinOutcome handle(JoinTenantCommand command, PlanCatalogue plans) {
        Caller caller = command.caller();
        if (caller == null) {
            throw DomainRefusal.forbidden("caller_required", "This change needs to know who asks for it.");
        }
        if (caller.verifiedEmail() == null) {
            throw DomainRefusal.forbidden(
                    "email_not_verified",
                    "Joining by e-mail domain takes a token with a verified e-mail address (email, with"
                            + " email_verified true).");
        }
        String domainName = DomainNames.ofEmail(caller.verifiedEmail());
        TenantDomains.TenantDomain domain = roster.live() ? domains.verified(domainName) : null;
        if (domain == null) {
            throw TenantRefusals.notFound(roster.tenantId());
        }
        if (domain.policy() == JoinPolicy.OFF) {
            throw DomainRefusal.forbidden(
                    "join_not_allowed",
                    "This tenant does not take members by their e-mail domain (" + domain.domain()
                            + "); ask one of its OWNERs or ADMINs for an invitation.");
        }
        if (roster.isMember(caller.userId())) {
            throw DomainRefusal.conflict("already_member", "You are already a member of this tenant.");
        }
        if (domain.policy() == JoinPolicy.SUGGEST) {
            JoinRequest waiting = pending.values().stream()
                    .filter(request -> request.userId().equals(caller.userId()))
                    .findFirst()
                    .orElse(null);
            if (waiting != null) {
                return outcome(caller.userId(), JoinOutcome.Status.REQUESTED, waiting.role(), waiting.requestId());
            }
        }
        TenantPlan.requireRoomForMember(roster, plans);
        if (domain.policy() == JoinPolicy.AUTO) {
            apply(new MemberJoinedByDomainEvent(
                    roster.tenantId(), caller.userId(), caller.verifiedEmail(), domain.domain(), domain.defaultRole()));
            apply(new MemberAddedEvent(roster.tenantId(), caller.userId(), domain.defaultRole()));
            return outcome(caller.userId(), JoinOutcome.Status.JOINED, domain.defaultRole(), null);
        }
        if (command.requestId() == null || command.requestId().isBlank() || pending.containsKey(command.requestId())) {
            throw DomainRefusal.invalid("invalid_join_request", "A request to join needs an id of its own.");
        }
        apply(new TenantJoinRequestedEvent(
                roster.tenantId(),
                command.requestId(),
                caller.userId(),
                caller.verifiedEmail(),
                domain.domain(),
                domain.defaultRole()));
        return outcome(caller.userId(), JoinOutcome.Status.REQUESTED, domain.defaultRole(), command.requestId());
    }

    /** Approves (the user joins with the role of the request) or denies a pending request. */
    @CommandHandler
    JoinOutcome handle(DecideJoinRequestCommand command, PlanCatalogue plans) {
        roster.requireManager(command.caller());
        JoinRequest request = command.requestId() == null ? null : pending.get(command.requestId());
        if (request == null) {
            throw DomainRefusal.notFound(
                    "join_request_not_found",
                    "This tenant has no pending request to join " + command.requestId() + ".");
        }
        String decidedBy = command.caller().userId();
        if (!command.approve()) {
            apply(new TenantJoinRequestDecidedEvent(
                    roster.tenantId(),
                    request.requestId(),
                    request.userId(),
                    JoinRequestStatus.DENIED,
                    request.role(),
                    decidedBy));
            return outcome(request.userId(), JoinOutcome.Status.DENIED, request.role(), request.requestId());
        }
        if (roster.isMember(request.userId())) {
            throw DomainRefusal.conflict(
                    "already_member",
                    "User " + request.userId() + " became a member meanwhile: deny the request to close it.");
        }
        TenantPlan.requireRoomForMember(roster, plans);
        apply(new TenantJoinRequestDecidedEvent(
                roster.tenantId(),
                request.requestId(),
                request.userId(),
                JoinRequestStatus.APPROVED,
                request.role(),
                decidedBy));
        apply(new MemberAddedEvent(roster.tenantId(), request.userId(), request.role()));
        return outcome(request.userId(), JoinOutcome.Status.JOINED, request.role(), request.requestId());
    }

    private JoinOutcome outcome(String userId, JoinOutcome.Status status, MemberRole role, String requestId) {
        return new JoinOutcome(roster.tenantId(), userId, status, role, requestId);
    }

    @EventSourcingHandler
    void on(TenantJoinRequestedEvent event) {
        pending.put(
                event.requestId(), new JoinRequest(event.requestId(), event.userId(), event.domain(), event.role()));
    }

    @EventSourcingHandler
    void on(TenantJoinRequestDecidedEvent event) {
        pending.remove(event.requestId());
    }
}
