package io.tenantry.command.tenant;

import static io.tenantry.contracts.tenant.TenantStatus.ACTIVE;
import static io.tenantry.contracts.tenant.TenantStatus.DELETED;
import static io.tenantry.contracts.tenant.TenantStatus.PENDING_PROVISION;
import static io.tenantry.contracts.tenant.TenantStatus.PROVISIONING;
import static io.tenantry.contracts.tenant.TenantStatus.PROVISION_FAILED;
import static io.tenantry.contracts.tenant.TenantStatus.SUSPENDED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.tenantry.command.idp.IdentityProviderRequest;
import io.tenantry.command.idp.IdpSetup;
import io.tenantry.command.provisioning.ProvisioningSignatures;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.idp.IdentityAccount;
import io.tenantry.contracts.idp.IdentityProviderKind;
import io.tenantry.contracts.tenant.CompleteTenantDeprovisioningCommand;
import io.tenantry.contracts.tenant.CompleteTenantProvisioningCommand;
import io.tenantry.contracts.tenant.FailTenantDeprovisioningCommand;
import io.tenantry.contracts.tenant.FailTenantProvisioningCommand;
import io.tenantry.contracts.tenant.PrepareIdentityProviderCommand;
import io.tenantry.contracts.tenant.ProvisioningFailure;
import io.tenantry.contracts.tenant.ProvisioningOutcome;
import io.tenantry.contracts.tenant.ReceiveProvisioningCallbackCommand;
import io.tenantry.contracts.tenant.RecordIdentityProviderCommand;
import io.tenantry.contracts.tenant.StartTenantDeprovisioningCommand;
import io.tenantry.contracts.tenant.StartTenantProvisioningCommand;
import io.tenantry.contracts.tenant.TenantContact;
import io.tenantry.contracts.tenant.TenantDeprovisionedEvent;
import io.tenantry.contracts.tenant.TenantDeprovisioningFailedEvent;
import io.tenantry.contracts.tenant.TenantDeprovisioningStartedEvent;
import io.tenantry.contracts.tenant.TenantIdentityProviderConfiguredEvent;
import io.tenantry.contracts.tenant.TenantProvisionedEvent;
import io.tenantry.contracts.tenant.TenantProvisioningFailedEvent;
import io.tenantry.contracts.tenant.TenantProvisioningStartedEvent;
import io.tenantry.contracts.tenant.TenantResourcesReadyEvent;
import io.tenantry.contracts.tenant.TenantRestoredEvent;
import io.tenantry.contracts.tenant.TenantStatus;
import io.tenantry.contracts.tenant.TenantView;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * A tenant's resources, as an entity of the Tenant aggregate: the provisioning attempts (each attempt's context id
 * signs the orchestrator's answer) and whether the resources are built, its identity provider, and the removal of a
 * deleted tenant's resources. The tenant's status is the {@link Roster}'s, moved by the {@link Tenant}'s events.
 */
class TenantProvisioning {

    /** The removal of a deleted tenant's resources. */
    enum Removal {
        NONE,
        IN_PROGRESS,
        DONE,
        FAILED
    }

    private final Tenant tenant;
    private final Roster roster;
    private String contextId;
    private boolean resourcesReady;
    private IdentityAccount identityAccount;
    private Removal removal = Removal.NONE;
    private String removalContextId;

    TenantProvisioning(Tenant tenant, Roster roster) {
        this.tenant = tenant;
        this.roster = roster;
    }

    @CommandHandler
    TenantView handle(StartTenantProvisioningCommand command) {
        if (roster.status() != PROVISIONING) {
            roster.requireStatus(
                    "provision", "PENDING_PROVISION or PROVISION_FAILED", PENDING_PROVISION, PROVISION_FAILED);
            apply(new TenantProvisioningStartedEvent(tenant.id(), command.contextId()));
        }
        return tenant.view();
    }

    @CommandHandler
    TenantView handle(CompleteTenantProvisioningCommand command) {
        if (roster.status() != ACTIVE) {
            roster.requireStatus("activate after provisioning", "PROVISIONING", PROVISIONING);
            apply(new TenantProvisionedEvent(tenant.id()));
        }
        return tenant.view();
    }

    @CommandHandler
    TenantView handle(FailTenantProvisioningCommand command) {
        if (roster.status() != PROVISION_FAILED) {
            roster.requireStatus("fail the provisioning of", "PROVISIONING", PROVISIONING);
            apply(new TenantProvisioningFailedEvent(tenant.id(), command.reason()));
        }
        return tenant.view();
    }

    /**
     * The orchestrator's signed answer. Its signature must match this tenant's current attempt (of the callback's
     * type) before anything else is said; then a repeated answer changes nothing, and one that contradicts what is
     * already settled is refused (409), so a late or stray callback never moves the tenant backwards.
     */
    @CommandHandler
    ProvisioningOutcome handle(ReceiveProvisioningCallbackCommand command, ProvisioningSignatures signatures) {
        if (command.deprovisioning()) {
            signatures.require(
                    command.payload(),
                    roster.status() == DELETED && removal != Removal.NONE ? removalContextId : null,
                    command.timestamp(),
                    command.signature());
            return new ProvisioningOutcome(
                    tenant.id(), deprovisioned(command.success(), command.reason()), roster.status());
        }
        roster.requireLive();
        signatures.require(command.payload(), contextId, command.timestamp(), command.signature());
        return new ProvisioningOutcome(tenant.id(), provisioned(command.success(), command.reason()), roster.status());
    }

    private boolean provisioned(boolean success, String reason) {
        TenantStatus status = roster.status();
        if (status == PROVISIONING) {
            if (!success) {
                apply(new TenantProvisioningFailedEvent(tenant.id(), ProvisioningFailure.orchestratorFailed(reason)));
                return true;
            }
            if (!resourcesReady) {
                apply(new TenantResourcesReadyEvent(tenant.id(), contextId));
                return true;
            }
            return false;
        }
        boolean settledAlike = success ? status == ACTIVE || status == SUSPENDED : status == PROVISION_FAILED;
        if (!settledAlike) {
            throw DomainRefusal.conflict(
                    "provisioning_not_in_progress",
                    "Tenant " + tenant.id() + " is " + status
                            + ": this attempt already ended; start provisioning again to retry.");
        }
        return false;
    }

    private boolean deprovisioned(boolean success, String reason) {
        if (removal == Removal.IN_PROGRESS) {
            if (success) {
                apply(new TenantDeprovisionedEvent(tenant.id()));
            } else {
                apply(new TenantDeprovisioningFailedEvent(tenant.id(), ProvisioningFailure.orchestratorFailed(reason)));
            }
            return true;
        }
        boolean settledAlike = success ? removal == Removal.DONE : removal == Removal.FAILED;
        if (!settledAlike) {
            throw DomainRefusal.conflict(
                    "deprovisioning_not_in_progress",
                    "Removing tenant " + tenant.id() + "'s resources already ended (" + removal + ").");
        }
        return false;
    }

    /** Starts removing a deleted tenant's resources (again, after a failure); once under way or done, nothing. */
    @CommandHandler
    TenantView handle(StartTenantDeprovisioningCommand command) {
        if (roster.status() != DELETED) {
            throw DomainRefusal.conflict(
                    "tenant_not_deleted",
                    "Tenant " + tenant.id() + " is " + roster.status()
                            + ": only a deleted tenant's resources are removed.");
        }
        if (removal == Removal.NONE || removal == Removal.FAILED) {
            apply(new TenantDeprovisioningStartedEvent(tenant.id(), command.contextId()));
        }
        return tenant.view();
    }

    @CommandHandler
    void handle(CompleteTenantDeprovisioningCommand command) {
        if (removing(command.contextId())) {
            apply(new TenantDeprovisionedEvent(tenant.id()));
        }
    }

    @CommandHandler
    void handle(FailTenantDeprovisioningCommand command) {
        if (removing(command.contextId())) {
            apply(new TenantDeprovisioningFailedEvent(tenant.id(), command.reason()));
        }
    }

    /**
     * What the tenant's identity provider needs (its admin: the primary contact); {@code null} when the tenant uses
     * none. Changes nothing.
     */
    @CommandHandler
    IdentityProviderRequest handle(PrepareIdentityProviderCommand command) {
        roster.requireLive();
        TenantProfile profile = tenant.profile();
        IdentityProviderKind kind = command.provider() != null
                ? command.provider()
                : IdentityProviderKind.parse(profile.settings().get(IdentityProviderKind.SETTING))
                        .orElse(null);
        if (kind == null) {
            return null;
        }
        TenantContact admin = profile.contacts().stream()
                .filter(TenantContact::primary)
                .findFirst()
                .orElse(profile.contacts().isEmpty() ? null : profile.contacts().get(0));
        if (admin == null || admin.email() == null || admin.email().isBlank()) {
            throw DomainRefusal.conflict(
                    "idp_admin_missing",
                    "Tenant " + tenant.id()
                            + " has no contact with an e-mail address to be its identity-provider admin;"
                            + " add one first.");
        }
        return new IdentityProviderRequest(
                kind,
                new IdpSetup(
                        tenant.id(),
                        profile.slug(),
                        profile.name(),
                        tenant.tier(),
                        IdpSetup.Admin.named(admin.email(), admin.name())));
    }

    @CommandHandler
    void handle(RecordIdentityProviderCommand command) {
        roster.requireLive();
        IdentityAccount account = command.account();
        if (account == null || account.provider() == null || account.authId() == null) {
            throw DomainRefusal.invalid(
                    "invalid_identity_account", "An identity-provider account needs its provider and admin user id.");
        }
        if (!account.equals(identityAccount)) {
            apply(new TenantIdentityProviderConfiguredEvent(tenant.id(), account));
        }
    }

    /**
     * A restored tenant gets its old status back while its resources were never touched; once their removal started
     * (whatever became of it) they must be built again, so it starts over at PENDING_PROVISION.
     */
    TenantStatus statusOnRestore(TenantStatus before) {
        if (removal == Removal.IN_PROGRESS) {
            throw DomainRefusal.conflict(
                    "deprovisioning_in_progress",
                    "The tenant's resources are being removed; restore it once that has ended.");
        }
        return removal == Removal.NONE ? before : PENDING_PROVISION;
    }

    private boolean removing(String attempt) {
        return removal == Removal.IN_PROGRESS && removalContextId != null && removalContextId.equals(attempt);
    }

    @EventSourcingHandler
    void on(TenantProvisioningStartedEvent event) {
        contextId = event.contextId();
        resourcesReady = false;
    }

    @EventSourcingHandler
    void on(TenantResourcesReadyEvent event) {
        resourcesReady = true;
    }

    @EventSourcingHandler
    void on(TenantIdentityProviderConfiguredEvent event) {
        identityAccount = event.account();
    }

    @EventSourcingHandler
    void on(TenantDeprovisioningStartedEvent event) {
        removal = Removal.IN_PROGRESS;
        removalContextId = event.contextId();
    }

    @EventSourcingHandler
    void on(TenantDeprovisionedEvent event) {
        removal = Removal.DONE;
        identityAccount = null;
        resourcesReady = false;
    }

    @EventSourcingHandler
    void on(TenantDeprovisioningFailedEvent event) {
        removal = Removal.FAILED;
    }

    @EventSourcingHandler
    void on(TenantRestoredEvent event) {
        if (event.status() == PENDING_PROVISION) {
            contextId = null;
            resourcesReady = false;
        }
        removal = Removal.NONE;
        removalContextId = null;
    }
}
