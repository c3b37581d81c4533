package io.tenantry.command.tenant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.entitlement.EffectiveEntitlement;
import io.tenantry.contracts.entitlement.Entitlement;
import io.tenantry.contracts.entitlement.EntitlementKind;
import io.tenantry.contracts.entitlement.EntitlementOverride;
import io.tenantry.contracts.entitlement.EntitlementOverrideEndedEvent;
import io.tenantry.contracts.entitlement.EntitlementOverrideSetEvent;
import io.tenantry.contracts.entitlement.Entitlements;
import io.tenantry.contracts.entitlement.RemoveEntitlementOverrideCommand;
import io.tenantry.contracts.entitlement.SetEntitlementOverrideCommand;
import io.tenantry.contracts.entitlement.TenantEntitlementsChangedEvent;
import io.tenantry.contracts.plan.Plan;
import io.tenantry.contracts.plan.PlanCatalogue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * A tenant's exceptions to its plan, as an entity of the Tenant aggregate: a partner-admin grants or revokes a feature,
 * raises or lowers a limit or quota, with a reason and optionally an end (a deadline ends it and records that it did).
 * Whenever the tenant's effective entitlements change (here, or by a plan change), the whole new set is announced.
 */
class TenantEntitlements {

    static final String EXPIRY_DEADLINE = "entitlement-override-expiry";
    private static final int MAX_REASON = 500;

    private final Roster roster;

    TenantEntitlements(Roster roster) {
        this.roster = roster;
    }

    /** Sets an override (replacing one of that key); answers the entitlement as it holds afterwards. */
    @CommandHandler
    EffectiveEntitlement handle(SetEntitlementOverrideCommand command, PlanCatalogue plans, DeadlineManager deadlines) {
        requirePartnerAdmin(command.caller() == null ? null : command.caller().isPartnerAdmin());
        roster.requireVisible(command.caller());
        EntitlementKind kind = plans.knownEntitlementKind(command.key());
        String reason = requireReason(command.reason());
        long value = value(kind, command);
        Instant now = Roster.now();
        if (command.expiresAt() != null && !command.expiresAt().isAfter(now)) {
            throw DomainRefusal.invalid(
                    "invalid_override", "expiresAt (" + command.expiresAt() + ") must lie in the future.");
        }
        Plan plan = plans.planOrDefault(roster.planId());
        Map<String, Long> before = Entitlements.values(roster.entitlements(plan, now));
        apply(new EntitlementOverrideSetEvent(
                roster.tenantId(),
                command.key(),
                kind,
                value,
                reason,
                command.caller().userId(),
                command.expiresAt()));
        if (command.expiresAt() != null) {
            deadlines.schedule(
                    command.expiresAt(),
                    EXPIRY_DEADLINE,
                    new EntitlementOverrideExpiryDue(command.key(), roster.overrideSequence(command.key())));
        }
        Instant after = Roster.now();
        announce(roster, plan, before, after, "override-set");
        return roster.entitlements(plan, after).get(command.key());
    }

    /** Ends an override before its time; answers the entitlement that holds again. */
    @CommandHandler
    EffectiveEntitlement handle(RemoveEntitlementOverrideCommand command, PlanCatalogue plans) {
        requirePartnerAdmin(command.caller() == null ? null : command.caller().isPartnerAdmin());
        roster.requireVisible(command.caller());
        plans.knownEntitlementKind(command.key());
        String reason = requireReason(command.reason());
        if (roster.override(command.key()).isEmpty()) {
            throw DomainRefusal.notFound("override_not_found", "This tenant has no override of " + command.key() + ".");
        }
        Instant now = Roster.now();
        Plan plan = plans.planOrDefault(roster.planId());
        Map<String, Long> before = Entitlements.values(roster.entitlements(plan, now));
        apply(new EntitlementOverrideEndedEvent(
                roster.tenantId(),
                command.key(),
                EntitlementOverrideEndedEvent.Cause.REMOVED,
                command.caller().userId(),
                reason));
        Instant after = Roster.now();
        announce(roster, plan, before, after, "override-removed");
        EffectiveEntitlement holding = roster.entitlements(plan, after).get(command.key());
        return holding != null ? holding : absent(plans, command.key());
    }

    /**
     * The override's deadline: ends it, unless it was removed or set anew since (a later one has its own); a deleted
     * tenant's too, so that a restored tenant's history says when it ended.
     */
    void expire(EntitlementOverrideExpiryDue due, PlanCatalogue plans) {
        EntitlementOverride override = roster.override(due.key()).orElse(null);
        if (override == null || roster.overrideSequence(due.key()) != due.sequence()) {
            return;
        }
        Plan plan = plans.planOrDefault(roster.planId());
        // the effective set just before the end, when the override still held
        Instant justBefore = override.expiresAt().minusMillis(1);
        Map<String, Long> before = Entitlements.values(roster.entitlements(plan, justBefore));
        apply(new EntitlementOverrideEndedEvent(
                roster.tenantId(), due.key(), EntitlementOverrideEndedEvent.Cause.EXPIRED, null, null));
        announce(roster, plan, before, Roster.now(), "override-expired");
    }

    /** What a tenant whose plan lacks {@code key} has of it: a feature off, a limit or quota of zero. */
    private static EffectiveEntitlement absent(PlanCatalogue plans, String key) {
        EntitlementKind kind = plans.knownEntitlementKind(key);
        return new EffectiveEntitlement(
                key,
                kind,
                false,
                kind == EntitlementKind.FEATURE ? null : 0L,
                null,
                null,
                null,
                EffectiveEntitlement.PLAN,
                null,
                null);
    }

    /** Announces the tenant's effective entitlements if they differ from {@code before}. */
    static void announce(Roster roster, Plan plan, Map<String, Long> before, Instant at, String cause) {
        Map<String, EffectiveEntitlement> after = roster.entitlements(plan, at);
        if (!Entitlements.values(after).equals(before)) {
            List<Entitlement> entitlements = after.values().stream()
                    .map(e -> e.plan() != null
                            ? e.plan().withValue(e.value())
                            : new Entitlement(e.key(), e.kind(), e.value(), e.period(), e.enforcement(), null))
                    .toList();
            apply(new TenantEntitlementsChangedEvent(
                    roster.tenantId(), plan.id(), entitlements, Entitlements.features(after), cause));
        }
    }

    private static void requirePartnerAdmin(Boolean partnerAdmin) {
        if (!Boolean.TRUE.equals(partnerAdmin)) {
            throw DomainRefusal.forbidden(
                    "insufficient_role", "Only a partner-admin sets or removes a tenant's entitlement overrides.");
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw DomainRefusal.invalid(
                    "reason_required", "An override needs a reason (1 to " + MAX_REASON + " characters).");
        }
        return reason.strip();
    }

    private static long value(EntitlementKind kind, SetEntitlementOverrideCommand command) {
        if (kind == EntitlementKind.FEATURE) {
            if (command.enabled() == null || command.value() != null) {
                throw DomainRefusal.invalid(
                        "invalid_override",
                        command.key() + " is a feature: give enabled (true or false), not a value.");
            }
            return command.enabled() ? 1 : 0;
        }
        if (command.value() == null || command.enabled() != null || command.value() < 0) {
            throw DomainRefusal.invalid(
                    "invalid_override",
                    command.key() + " is a " + kind.name().toLowerCase() + ": give a value of 0 or more, not enabled.");
        }
        return command.value();
    }

    @EventSourcingHandler
    void on(EntitlementOverrideSetEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        roster.overrideSet(
                new EntitlementOverride(
                        event.key(), event.kind(), event.value(), event.reason(), event.setBy(), at, event.expiresAt()),
                sequence);
    }

    @EventSourcingHandler
    void on(EntitlementOverrideEndedEvent event) {
        roster.overrideEnded(event.key());
    }
}
