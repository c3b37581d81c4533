package io.tenantry.command.tenant;

import io.tenantry.command.idp.IdentityProviderRequest;
import io.tenantry.command.idp.IdpSetup;
import io.tenantry.command.provisioning.ProvisioningSignatures;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.MetaDataKeys;
import io.tenantry.contracts.idp.IdentityProviderKind;
import io.tenantry.contracts.invitation.HoldInvitationSeatCommand;
import io.tenantry.contracts.invitation.InvitationSeat;
import io.tenantry.contracts.plan.Plan;
import io.tenantry.contracts.plan.PlanCatalogue;
import io.tenantry.contracts.tenant.AdoptPlanCommand;
import io.tenantry.contracts.tenant.AuthorizeBillingCommand;
import io.tenantry.contracts.tenant.CompleteTenantDeprovisioningCommand;
import io.tenantry.contracts.tenant.CompleteTenantProvisioningCommand;
import io.tenantry.contracts.tenant.CreateTenantCommand;
import io.tenantry.contracts.tenant.DeleteTenantCommand;
import io.tenantry.contracts.tenant.FailTenantDeprovisioningCommand;
import io.tenantry.contracts.tenant.FailTenantProvisioningCommand;
import io.tenantry.contracts.tenant.MemberAddedEvent;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.PatchTenantCommand;
import io.tenantry.contracts.tenant.PrepareIdentityProviderCommand;
import io.tenantry.contracts.tenant.ProvisioningOutcome;
import io.tenantry.contracts.tenant.ReactivateTenantCommand;
import io.tenantry.contracts.tenant.ReceiveProvisioningCallbackCommand;
import io.tenantry.contracts.tenant.RecordIdentityProviderCommand;
import io.tenantry.contracts.tenant.ReplaceTenantCommand;
import io.tenantry.contracts.tenant.RestoreTenantCommand;
import io.tenantry.contracts.tenant.StartTenantDeprovisioningCommand;
import io.tenantry.contracts.tenant.StartTenantProvisioningCommand;
import io.tenantry.contracts.tenant.SuspendTenantCommand;
import io.tenantry.contracts.tenant.TenantContact;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import io.tenantry.contracts.tenant.TenantDeletedEvent;
import io.tenantry.contracts.tenant.TenantDeprovisionedEvent;
import io.tenantry.contracts.tenant.TenantDeprovisioningFailedEvent;
import io.tenantry.contracts.tenant.TenantDeprovisioningStartedEvent;
import io.tenantry.contracts.tenant.TenantIdentityProviderConfiguredEvent;
import io.tenantry.contracts.tenant.TenantPlanChangedEvent;
import io.tenantry.contracts.tenant.TenantProvisionedEvent;
import io.tenantry.contracts.tenant.TenantProvisioningFailedEvent;
import io.tenantry.contracts.tenant.TenantProvisioningStartedEvent;
import io.tenantry.contracts.tenant.TenantReactivatedEvent;
import io.tenantry.contracts.tenant.TenantResourcesReadyEvent;
import io.tenantry.contracts.tenant.TenantRestoredEvent;
import io.tenantry.contracts.tenant.TenantStatus;
import io.tenantry.contracts.tenant.TenantSuspendedEvent;
import io.tenantry.contracts.tenant.TenantTier;
import io.tenantry.contracts.tenant.TenantUpdatedEvent;
import io.tenantry.contracts.tenant.TenantView;
import io.tenantry.contracts.tenant.UpdateProvisioningDetailsCommand;
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

import java.time.Instant;

import static io.tenantry.contracts.tenant.TenantStatus.ACTIVE;
import static io.tenantry.contracts.tenant.TenantStatus.DELETED;
import static io.tenantry.contracts.tenant.TenantStatus.PENDING_PROVISION;
import static io.tenantry.contracts.tenant.TenantStatus.PROVISIONING;
import static io.tenantry.contracts.tenant.TenantStatus.PROVISION_FAILED;
import static io.tenantry.contracts.tenant.TenantStatus.SUSPENDED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The tenant (the seeds' "organization"): decides on commands, changes state only from its events, and answers each
 * command with its {@link TenantView} afterwards. A deleted tenant is not found by anything but restore.
 */
@Aggregate(cache = "tenantCache")
public class Tenant {

    @AggregateIdentifier
    private String tenantId;
    private TenantProfile profile;
    private TenantTier tier;
    private TenantStatus status;
    private TenantStatus statusBeforeDeletion;
    private final Roster roster = new Roster();
    @AggregateMember
    private final TenantMembership membership = new TenantMembership(roster);
    @AggregateMember
    private final TenantTeams teams = new TenantTeams(roster);
    @AggregateMember
    private final TenantInvitations invitations = new TenantInvitations(roster);
    private String leadId;
    private String createdBy;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant deletedAt;
    private final TenantProvisioning provisioning = new TenantProvisioning();

    protected Tenant() {
        // for Axon: a new instance to create, or one rebuilt from events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public TenantView handle(CreateTenantCommand command, PlanCatalogue plans) {
        TenantProfile checked = TenantProfile.checked(command.name(), command.slug(), command.contacts(),
                command.address(), command.industry(), command.settings());
        if (command.tier() == null) {
            throw DomainRefusal.invalid("invalid_tier", "A tenant needs a tier: POOLED or SILOED.");
        }
        if (command.ownerId() == null || command.ownerId().isBlank()) {
            throw DomainRefusal.invalid("owner_required", "A new tenant needs its first owner.");
        }
        Plan plan = knownPlan(plans, command.planId() == null ? plans.defaultPlan().id() : command.planId());
        apply(new TenantCreatedEvent(command.tenantId(), checked.name(), checked.slug(), command.tier(),
                checked.contacts(), checked.address(), checked.industry(), checked.settings(), command.leadId(),
                plan.id()));
        apply(new MemberAddedEvent(command.tenantId(), command.ownerId(), MemberRole.OWNER));
        return view();
    }

    @CommandHandler
    public TenantView handle(ReplaceTenantCommand command) {
        requireLive();
        membership.requireManager(command.caller());
        requireVersion(command.expectedVersion());
        requireSameTier(command.tier());
        return changeProfile(TenantProfile.checked(command.name(), command.slug(), command.contacts(),
                command.address(), command.industry(), command.settings()));
    }

    @CommandHandler
    public TenantView handle(PatchTenantCommand command) {
        requireLive();
        membership.requireManager(command.caller());
        requireVersion(command.expectedVersion());
        requireSameTier(command.tier());
        return changeProfile(profile.patched(command.name(), command.slug(), command.contacts(), command.address(),
                command.industry(), command.settings()));
    }

    @CommandHandler
    public TenantView handle(UpdateProvisioningDetailsCommand command) {
        requireLive();
        membership.requireManager(command.caller());
        requireVersion(command.expectedVersion());
        return changeProfile(profile.withProvisioningDetails(command.clientName(), command.email(),
                command.phoneNumber(), command.industry(), command.partial()));
    }

    @CommandHandler
    public TenantView handle(DeleteTenantCommand command) {
        requireLive();
        membership.requireOwner(command.caller(), "Only an OWNER deletes a tenant.");
        requireVersion(command.expectedVersion());
        apply(new TenantDeletedEvent(tenantId));
        return view();
    }

    @CommandHandler
    public TenantView handle(RestoreTenantCommand command) {
        if (status != DELETED) {
            throw DomainRefusal.conflict("tenant_not_deleted", "Tenant " + tenantId + " is not deleted (" + status + ").");
        }
        apply(new TenantRestoredEvent(tenantId, profile.slug(), provisioning.statusOnRestore(statusBeforeDeletion)));
        return view();
    }

    @CommandHandler
    public TenantView handle(SuspendTenantCommand command) {
        requireStatus("suspend", "ACTIVE", ACTIVE);
        apply(new TenantSuspendedEvent(tenantId, command.reason()));
        return view();
    }

    @CommandHandler
    public TenantView handle(ReactivateTenantCommand command) {
        requireStatus("reactivate", "SUSPENDED", SUSPENDED);
        apply(new TenantReactivatedEvent(tenantId));
        return view();
    }

    /**
     * Holds the tenant to another plan's limits, if its members (pending invitations included) and teams fit in them.
     * Only an OWNER or a partner-admin changes the plan; the subscription records the change in the same transaction.
     */
    @CommandHandler
    public AdoptPlanCommand.PlanAdoption handle(AdoptPlanCommand command, PlanCatalogue plans) {
        membership.requireOwner(command.caller(), "Only an OWNER changes the tenant's plan.");
        Plan plan = knownPlan(plans, command.planId());
        String current = plans.planOrDefault(roster.planId).id();
        if (plan.id().equals(current)) {
            return new AdoptPlanCommand.PlanAdoption(current, current, false);
        }
        roster.requireFits(plan);
        apply(new TenantPlanChangedEvent(tenantId, current, plan.id()));
        return new AdoptPlanCommand.PlanAdoption(current, plan.id(), true);
    }

    /** Billing (reconciling with Stripe) is for an OWNER or a partner-admin; refuses anyone else, changes nothing. */
    @CommandHandler
    public void handle(AuthorizeBillingCommand command) {
        membership.requireOwner(command.caller(), "Only an OWNER manages the tenant's billing.");
    }

    private static Plan knownPlan(PlanCatalogue plans, String planId) {
        return plans.find(planId).orElseThrow(() -> DomainRefusal.invalid("unknown_plan",
                "There is no plan '" + planId + "'; the plans are " + plans.plans().stream().map(Plan::id).toList() + "."));
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

    @CommandHandler
    public TenantView handle(StartTenantProvisioningCommand command) {
        if (status != PROVISIONING) {
            requireStatus("provision", "PENDING_PROVISION or PROVISION_FAILED", PENDING_PROVISION, PROVISION_FAILED);
            apply(new TenantProvisioningStartedEvent(tenantId, command.contextId()));
        }
        return view();
    }

    @CommandHandler
    public TenantView handle(CompleteTenantProvisioningCommand command) {
        if (status != ACTIVE) {
            requireStatus("activate after provisioning", "PROVISIONING", PROVISIONING);
            apply(new TenantProvisionedEvent(tenantId));
        }
        return view();
    }

    @CommandHandler
    public TenantView handle(FailTenantProvisioningCommand command) {
        if (status != PROVISION_FAILED) {
            requireStatus("fail the provisioning of", "PROVISIONING", PROVISIONING);
            apply(new TenantProvisioningFailedEvent(tenantId, command.reason()));
        }
        return view();
    }

    /**
     * The orchestrator's signed answer. Its signature must match this tenant's current attempt (of the callback's
     * type) before anything else is said; then a repeated answer changes nothing, and one that contradicts what is
     * already settled is refused (409), so a late or stray callback never moves the tenant backwards.
     */
    @CommandHandler
    public ProvisioningOutcome handle(ReceiveProvisioningCallbackCommand command, ProvisioningSignatures signatures) {
        if (command.deprovisioning()) {
            signatures.require(command.payload(), status == DELETED ? provisioning.deprovisioningContextId() : null,
                    command.timestamp(), command.signature());
            return new ProvisioningOutcome(tenantId, deprovisioned(command.success()), status);
        }
        requireLive();
        signatures.require(command.payload(), provisioning.contextId(), command.timestamp(), command.signature());
        return new ProvisioningOutcome(tenantId, provisioned(command.success()), status);
    }

    private boolean provisioned(boolean success) {
        if (status == PROVISIONING) {
            if (!success) {
                apply(new TenantProvisioningFailedEvent(tenantId, "the orchestrator reported a failure"));
                return true;
            }
            if (!provisioning.resourcesReady()) {
                apply(new TenantResourcesReadyEvent(tenantId, provisioning.contextId()));
                return true;
            }
            return false;
        }
        boolean settledAlike = success ? status == ACTIVE || status == SUSPENDED : status == PROVISION_FAILED;
        if (!settledAlike) {
            throw DomainRefusal.conflict("provisioning_not_in_progress", "Tenant " + tenantId + " is " + status
                    + ": this attempt already ended; start provisioning again to retry.");
        }
        return false;
    }

    private boolean deprovisioned(boolean success) {
        TenantProvisioning.Removal removal = provisioning.removal();
        if (removal == TenantProvisioning.Removal.IN_PROGRESS) {
            if (success) {
                apply(new TenantDeprovisionedEvent(tenantId));
            } else {
                apply(new TenantDeprovisioningFailedEvent(tenantId, "the orchestrator reported a failure"));
            }
            return true;
        }
        boolean settledAlike = success ? removal == TenantProvisioning.Removal.DONE
                : removal == TenantProvisioning.Removal.FAILED;
        if (!settledAlike) {
            throw DomainRefusal.conflict("deprovisioning_not_in_progress",
                    "Removing tenant " + tenantId + "'s resources already ended (" + removal + ").");
        }
        return false;
    }

    /** Starts removing a deleted tenant's resources (again, after a failure); once under way or done, nothing. */
    @CommandHandler
    public TenantView handle(StartTenantDeprovisioningCommand command) {
        if (status != DELETED) {
            throw DomainRefusal.conflict("tenant_not_deleted",
                    "Tenant " + tenantId + " is " + status + ": only a deleted tenant's resources are removed.");
        }
        if (provisioning.removal() == TenantProvisioning.Removal.NONE
                || provisioning.removal() == TenantProvisioning.Removal.FAILED) {
            apply(new TenantDeprovisioningStartedEvent(tenantId, command.contextId()));
        }
        return view();
    }

    @CommandHandler
    public void handle(CompleteTenantDeprovisioningCommand command) {
        if (provisioning.removing(command.contextId())) {
            apply(new TenantDeprovisionedEvent(tenantId));
        }
    }

    @CommandHandler
    public void handle(FailTenantDeprovisioningCommand command) {
        if (provisioning.removing(command.contextId())) {
            apply(new TenantDeprovisioningFailedEvent(tenantId, command.reason()));
        }
    }

    /**
     * What the tenant's identity provider needs (its admin: the primary contact); {@code null} when the tenant uses
     * none. Changes nothing.
     */
    @CommandHandler
    public IdentityProviderRequest handle(PrepareIdentityProviderCommand command) {
        requireLive();
        IdentityProviderKind kind = command.provider() != null ? command.provider()
                : IdentityProviderKind.parse(profile.settings().get(IdentityProviderKind.SETTING)).orElse(null);
        if (kind == null) {
            return null;
        }
        TenantContact admin = profile.contacts().stream().filter(TenantContact::primary).findFirst()
                                     .orElse(profile.contacts().isEmpty() ? null : profile.contacts().get(0));
        if (admin == null || admin.email() == null || admin.email().isBlank()) {
            throw DomainRefusal.conflict("idp_admin_missing", "Tenant " + tenantId
                    + " has no contact with an e-mail address to be its identity-provider admin; add one first.");
        }
        return new IdentityProviderRequest(kind, new IdpSetup(tenantId, profile.slug(), profile.name(), tier,
                IdpSetup.Admin.named(admin.email(), admin.name())));
    }

    @CommandHandler
    public void handle(RecordIdentityProviderCommand command) {
        requireLive();
        if (command.account() == null || command.account().provider() == null || command.account().authId() == null) {
            throw DomainRefusal.invalid("invalid_identity_account", "An identity-provider account needs its provider and admin user id.");
        }
        if (!command.account().equals(provisioning.identityAccount())) {
            apply(new TenantIdentityProviderConfiguredEvent(tenantId, command.account()));
        }
    }

    private TenantView changeProfile(TenantProfile next) {
        if (!next.equals(profile)) {
            apply(new TenantUpdatedEvent(tenantId, next.name(), next.slug(), next.contacts(), next.address(),
                    next.industry(), next.settings()));
        }
        return view();
    }

    private void requireLive() {
        if (status == DELETED) {
            throw TenantRefusals.notFound(tenantId);
        }
    }

    private void requireStatus(String action, String allowedText, TenantStatus... allowed) {
        requireLive();
        for (TenantStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw TenantRefusals.transition(action, status, allowedText);
    }

    /** {@code If-Match}: the change was decided on this version; anything newer means someone changed it since. */
    private void requireVersion(Long expected) {
        Long current = AggregateLifecycle.getVersion();
        if (expected != null && !expected.equals(current)) {
            throw new DomainRefusal(DomainRefusal.Kind.PRECONDITION_FAILED, "version_mismatch",
                    "Tenant " + tenantId + " is at version " + current + ", not " + expected
                            + ": read it again, then retry the change.");
        }
    }

    private void requireSameTier(TenantTier requested) {
        if (requested != null && requested != tier) {
            throw DomainRefusal.conflict("tier_immutable",
                    "A tenant's tier cannot change (it is " + tier + "); its resources were provisioned for it.");
        }
    }

    private TenantView view() {
        return new TenantView(tenantId, profile.name(), profile.slug(), tier, status, profile.contacts(),
                profile.address(), profile.industry(), profile.settings(), leadId, roster.planId, createdBy, createdAt,
                updatedAt, deletedAt, AggregateLifecycle.getVersion());
    }

    @EventSourcingHandler
    void on(TenantCreatedEvent event, @Timestamp Instant at,
            @MetaDataValue(value = MetaDataKeys.ACTOR_ID, required = false) String actorId) {
        tenantId = event.tenantId();
        profile = new TenantProfile(event.name(), event.slug(), event.contacts(), event.address(), event.industry(),
                event.settings());
        tier = event.tier();
        status = PENDING_PROVISION;
        leadId = event.leadId();
        createdBy = actorId;
        createdAt = at;
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(TenantPlanChangedEvent event) {
        roster.planId = event.toPlanId();
    }

    @EventSourcingHandler
    void on(TenantUpdatedEvent event, @Timestamp Instant at) {
        profile = new TenantProfile(event.name(), event.slug(), event.contacts(), event.address(), event.industry(),
                event.settings());
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(TenantDeletedEvent event, @Timestamp Instant at) {
        statusBeforeDeletion = status;
        status = DELETED;
        deletedAt = at;
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(TenantRestoredEvent event, @Timestamp Instant at) {
        provisioning.restored(event.status());
        status = event.status();
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
        provisioning.started(event.contextId());
        moveTo(PROVISIONING, at);
    }

    @EventSourcingHandler
    void on(TenantResourcesReadyEvent event) {
        provisioning.resourcesBuilt();
    }

    @EventSourcingHandler
    void on(TenantIdentityProviderConfiguredEvent event) {
        provisioning.identityAccount(event.account());
    }

    @EventSourcingHandler
    void on(TenantDeprovisioningStartedEvent event) {
        provisioning.removalStarted(event.contextId());
    }

    @EventSourcingHandler
    void on(TenantDeprovisionedEvent event) {
        provisioning.removed();
    }

    @EventSourcingHandler
    void on(TenantDeprovisioningFailedEvent event) {
        provisioning.removalFailed();
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
        status = next;
        updatedAt = at;
    }
}
