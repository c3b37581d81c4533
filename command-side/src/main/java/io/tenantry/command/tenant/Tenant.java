package io.tenantry.command.tenant;

import static io.tenantry.contracts.tenant.TenantStatus.ACTIVE;
import static io.tenantry.contracts.tenant.TenantStatus.DELETED;
import static io.tenantry.contracts.tenant.TenantStatus.PENDING_PROVISION;
import static io.tenantry.contracts.tenant.TenantStatus.PROVISIONING;
import static io.tenantry.contracts.tenant.TenantStatus.PROVISION_FAILED;
import static io.tenantry.contracts.tenant.TenantStatus.SUSPENDED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.MetaDataKeys;
import io.tenantry.contracts.invitation.HoldInvitationSeatCommand;
import io.tenantry.contracts.invitation.InvitationSeat;
import io.tenantry.contracts.plan.Plan;
import io.tenantry.contracts.plan.PlanCatalogue;
import io.tenantry.contracts.tenant.CreateTenantCommand;
import io.tenantry.contracts.tenant.DeleteTenantCommand;
import io.tenantry.contracts.tenant.MemberAddedEvent;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.PatchTenantCommand;
import io.tenantry.contracts.tenant.ReactivateTenantCommand;
import io.tenantry.contracts.tenant.ReplaceTenantCommand;
import io.tenantry.contracts.tenant.RestoreTenantCommand;
import io.tenantry.contracts.tenant.SuspendTenantCommand;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import io.tenantry.contracts.tenant.TenantDeletedEvent;
import io.tenantry.contracts.tenant.TenantProvisionedEvent;
import io.tenantry.contracts.tenant.TenantProvisioningFailedEvent;
import io.tenantry.contracts.tenant.TenantProvisioningStartedEvent;
import io.tenantry.contracts.tenant.TenantReactivatedEvent;
import io.tenantry.contracts.tenant.TenantRestoredEvent;
import io.tenantry.contracts.tenant.TenantStatus;
import io.tenantry.contracts.tenant.TenantSuspendedEvent;
import io.tenantry.contracts.tenant.TenantTier;
import io.tenantry.contracts.tenant.TenantUpdatedEvent;
import io.tenantry.contracts.tenant.TenantView;
import io.tenantry.contracts.tenant.UpdateProvisioningDetailsCommand;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The tenant (an organisation, a customer): decides on commands, changes state only from its events, and answers each
 * command with its {@link TenantView} afterwards. A deleted tenant is not found by anything but restore.
 */
@Aggregate(cache = "tenantCache")
public class Tenant {

    @AggregateIdentifier
    private String tenantId;

    private TenantProfile profile;
    private TenantTier tier;
    private TenantStatus statusBeforeDeletion;
    private final Roster roster = new Roster();

    @AggregateMember
    private final TenantMembership membership = new TenantMembership(roster);

    @AggregateMember
    private final TenantTeams teams = new TenantTeams(roster);

    @AggregateMember
    private final TenantInvitations invitations = new TenantInvitations(roster);

    @AggregateMember
    private final TenantPlan tenantPlan = new TenantPlan(roster);

    @AggregateMember
    private final TenantProvisioning provisioning = new TenantProvisioning(this, roster);

    @AggregateMember
    private final TenantEntitlements entitlements = new TenantEntitlements(roster);

    @AggregateMember
    private final TenantApiKeys apiKeys = new TenantApiKeys(roster);

    @AggregateMember
    private final TenantScim scim = new TenantScim(roster);

    @AggregateMember
    private final TenantTokens tokens = new TenantTokens(this, roster, scim);

    @AggregateMember
    private final TenantDomains domains = new TenantDomains(roster);

    @AggregateMember
    private final TenantWebhooks webhooks = new TenantWebhooks(roster);

    @AggregateMember
    private final TenantJoins joins = new TenantJoins(roster, domains);

    private String leadId;
    private String createdBy;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant deletedAt;

    protected Tenant() {
        // for Axon: a new instance to create, or one rebuilt from events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public TenantView handle(CreateTenantCommand command, PlanCatalogue plans) {
        TenantProfile checked = TenantProfile.of(command);
        if (command.tier() == null) {
            throw DomainRefusal.invalid("invalid_tier", "A tenant needs a tier: POOLED or SILOED.");
        }
        if (command.ownerId() == null || command.ownerId().isBlank()) {
            throw DomainRefusal.invalid("owner_required", "A new tenant needs its first owner.");
        }
        Plan plan = TenantPlan.known(
                plans, command.planId() == null ? plans.defaultPlan().id() : command.planId());
        apply(checked.created(command, plan.id()));
        apply(new MemberAddedEvent(command.tenantId(), command.ownerId(), MemberRole.OWNER));
        return view();
    }

    @CommandHandler
    public TenantView handle(ReplaceTenantCommand command) {
        roster.requireManagerAt(command.caller(), command.expectedVersion());
        requireSameTier(command.tier());
        return changeProfile(TenantProfile.of(command));
    }

    @CommandHandler
    public TenantView handle(PatchTenantCommand command) {
        roster.requireManagerAt(command.caller(), command.expectedVersion());
        requireSameTier(command.tier());
        return changeProfile(profile.patched(command));
    }

    @CommandHandler
    public TenantView handle(UpdateProvisioningDetailsCommand command) {
        roster.requireManagerAt(command.caller(), command.expectedVersion());
        return changeProfile(profile.withProvisioningDetails(
                command.clientName(), command.email(), command.phoneNumber(), command.industry(), command.partial()));
    }

    @CommandHandler
    public TenantView handle(DeleteTenantCommand command) {
        roster.requireLive();
        roster.requireOwner(command.caller(), "Only an OWNER deletes a tenant.");
        roster.requireVersion(command.expectedVersion());
        domains.releaseAll();
        apply(new TenantDeletedEvent(tenantId));
        return view();
    }

    @CommandHandler
    public TenantView handle(RestoreTenantCommand command) {
        if (roster.status() != DELETED) {
            throw DomainRefusal.conflict(
                    "tenant_not_deleted", "Tenant " + tenantId + " is not deleted (" + roster.status() + ").");
        }
        apply(new TenantRestoredEvent(tenantId, profile.slug(), provisioning.statusOnRestore(statusBeforeDeletion)));
        return view();
    }

    @CommandHandler
    public TenantView handle(SuspendTenantCommand command) {
        roster.requireStatus("suspend", "ACTIVE", ACTIVE);
        apply(new TenantSuspendedEvent(tenantId, command.reason()));
        return view();
    }

    @CommandHandler
    public TenantView handle(ReactivateTenantCommand command) {
        roster.requireStatus("reactivate", "SUSPENDED", SUSPENDED);
        apply(new TenantReactivatedEvent(tenantId));
        return view();
    }

    /** Holds a member's seat for an invitation (see {@link TenantInvitations}); answers the name its mail needs. */
    @CommandHandler
    public InvitationSeat handle(HoldInvitationSeatCommand command, PlanCatalogue plans, DeadlineManager deadlines) {
        invitations.hold(command, plans, deadlines);
        return new InvitationSeat(profile.name(), AggregateLifecycle.getVersion());
    }

    @DeadlineHandler(deadlineName = TenantInvitations.SEAT_EXPIRY_DEADLINE)
    void on(InvitationSeatExpiryDue due) {
        invitations.expire(due);
    }

    @DeadlineHandler(deadlineName = TenantEntitlements.EXPIRY_DEADLINE)
    void on(EntitlementOverrideExpiryDue due, PlanCatalogue plans) {
        entitlements.expire(due, plans);
    }

    String id() {
        return tenantId;
    }

    TenantProfile profile() {
        return profile;
    }

    TenantTier tier() {
        return tier;
    }

    private TenantView changeProfile(TenantProfile next) {
        if (!next.equals(profile)) {
            apply(next.updated(tenantId));
        }
        return view();
    }

    private void requireSameTier(TenantTier requested) {
        if (requested != null && requested != tier) {
            throw DomainRefusal.conflict(
                    "tier_immutable",
                    "A tenant's tier cannot change (it is " + tier + "); its resources were provisioned for it.");
        }
    }

    TenantView view() {
        return new TenantView(
                tenantId,
                profile.name(),
                profile.slug(),
                tier,
                roster.status(),
                profile.contacts(),
                profile.address(),
                profile.industry(),
                profile.settings(),
                leadId,
                roster.planId(),
                createdBy,
                createdAt,
                updatedAt,
                deletedAt,
                AggregateLifecycle.getVersion());
    }

    @EventSourcingHandler
    void on(
            TenantCreatedEvent event,
            @Timestamp Instant at,
            @MetaDataValue(value = MetaDataKeys.ACTOR_ID, required = false) String actorId) {
        tenantId = event.tenantId();
        profile = TenantProfile.of(event);
        tier = event.tier();
        roster.status(PENDING_PROVISION);
        leadId = event.leadId();
        createdBy = actorId;
        createdAt = at;
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(TenantUpdatedEvent event, @Timestamp Instant at) {
        profile = TenantProfile.of(event);
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(TenantDeletedEvent event, @Timestamp Instant at) {
        statusBeforeDeletion = roster.status();
        roster.status(DELETED);
        deletedAt = at;
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(TenantRestoredEvent event, @Timestamp Instant at) {
        roster.status(event.status());
        deletedAt = null;
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(TenantSuspendedEvent event, @Timestamp Instant at) {
        moveTo(SUSPENDED, at);
    }

    @EventSourcingHandler
    void on(TenantReactivatedEvent event, @Timestamp Instant at) {
        moveTo(ACTIVE, at);
    }

    @EventSourcingHandler
    void on(TenantProvisioningStartedEvent event, @Timestamp Instant at) {
        moveTo(PROVISIONING, at);
    }

    @EventSourcingHandler
    void on(TenantProvisionedEvent event, @Timestamp Instant at) {
        moveTo(ACTIVE, at);
    }

    @EventSourcingHandler
    void on(TenantProvisioningFailedEvent event, @Timestamp Instant at) {
        moveTo(PROVISION_FAILED, at);
    }

    private void moveTo(TenantStatus next, Instant at) {
        roster.status(next);
        updatedAt = at;
    }
}
